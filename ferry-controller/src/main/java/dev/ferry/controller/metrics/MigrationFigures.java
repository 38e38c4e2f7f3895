package dev.ferry.controller.metrics;

import dev.ferry.api.common.Times;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.migration.Step;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ferry's own per-migration figures, read from each MigMigration's pipeline:
 * <ul>
 *   <li>{@code ferry_migration_bytes_moved{namespace,migration,plan}}: volume bytes accounted for
 *       so far (copied, or found unchanged) — a rate() of it is the copy's speed;</li>
 *   <li>{@code ferry_migration_step_duration_seconds{namespace,migration,step}}: how long each
 *       pipeline step ran (still counting while it runs).</li>
 * </ul>
 * A migration's series go away when it is deleted.
 */
final class MigrationFigures {
  static final String BYTES_MOVED = "ferry_migration_bytes_moved";
  static final String STEP_DURATION = "ferry_migration_step_duration_seconds";

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<String, Figures> byUid = new ConcurrentHashMap<>();

  MigrationFigures(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /** Held strongly here: gauges keep only weak references. */
  private static final class Figures {
    volatile long bytes;
    final Map<String, Span> steps = new ConcurrentHashMap<>();
    final List<Meter> meters = new ArrayList<>();
  }

  private record Span(Instant started, Instant completed) {
  }

  void record(MigMigration migration) {
    String uid = migration.getMetadata().getUid();
    if (uid == null || migration.getStatus() == null || migration.getStatus().getPipeline() == null) {
      return;
    }
    String namespace = String.valueOf(migration.getMetadata().getNamespace());
    String name = migration.getMetadata().getName();
    String plan = migration.getSpec() == null || migration.getSpec().getMigPlanRef() == null ? ""
        : String.valueOf(migration.getSpec().getMigPlanRef().getName());
    Figures figures = byUid.computeIfAbsent(uid, u -> {
      Figures f = new Figures();
      f.meters.add(Gauge.builder(BYTES_MOVED, f, x -> x.bytes)
          .description("Volume bytes of the migration accounted for so far (copied or unchanged)")
          .tags("namespace", namespace, "migration", name, "plan", plan).register(registry));
      return f;
    });
    long bytes = 0;
    for (Step step : migration.getStatus().getPipeline()) {
      bytes += step.getBytesDone() == null ? 0 : step.getBytesDone();
      if (step.getStarted() == null) {
        continue;
      }
      Span span = new Span(Times.parse(step.getStarted()),
          step.getCompleted() == null ? null : Times.parse(step.getCompleted()));
      if (figures.steps.put(step.getName(), span) == null) {
        String stepName = step.getName();
        figures.meters.add(Gauge.builder(STEP_DURATION, figures, f -> seconds(f.steps.get(stepName)))
            .description("How long each pipeline step of the migration ran (counting while it runs)")
            .tags("namespace", namespace, "migration", name, "step", stepName).register(registry));
      }
    }
    figures.bytes = Math.max(figures.bytes, bytes);
  }

  void forget(String uid) {
    Figures figures = byUid.remove(uid);
    if (figures != null) {
      figures.meters.forEach(registry::remove);
    }
  }

  private double seconds(Span span) {
    if (span == null || span.started() == null) {
      return 0;
    }
    Instant end = span.completed() != null ? span.completed() : Instant.now(clock);
    return Math.max(0, Duration.between(span.started(), end).toMillis() / 1000.0);
  }
}
