package dev.ferry.controller.metrics;

import dev.ferry.api.migration.migration.MigMigration;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The controller's Prometheus metrics, named and labelled as MTC's so its PromQL works unchanged:
 * <ul>
 *   <li>{@code cam_app_workload_migrations{type,status}}: MigMigration CRs by type and status;</li>
 *   <li>{@code mtc_client_request_count{cluster,component,function,kind}}: Kubernetes API requests
 *       made, cumulative;</li>
 *   <li>Ferry's own, per migration: {@code ferry_migration_bytes_moved} and
 *       {@code ferry_migration_step_duration_seconds} ({@link MigrationFigures}).</li>
 *   <li>{@code mtc_client_request_elapsed{…}}: their cumulative latency in milliseconds.</li>
 * </ul>
 * All three are Micrometer gauges: Micrometer's Prometheus client appends {@code _total} to
 * counters, and MTC's names have no suffix. The request gauges never decrease, so
 * {@code rate()} and {@code increase()} work on them as on counters. Everything resets when the
 * controller restarts, as in MTC.
 */
public final class ControllerMetrics {
  public static final String MIGRATIONS = "cam_app_workload_migrations";
  public static final String REQUEST_COUNT = "mtc_client_request_count";
  public static final String REQUEST_ELAPSED = "mtc_client_request_elapsed";

  private final PrometheusMeterRegistry registry;
  private final Map<String, Migration> migrations = new ConcurrentHashMap<>();
  private final Map<RequestKey, RequestTotals> requests = new ConcurrentHashMap<>();
  private final MigrationFigures figures;

  private record Migration(String type, MigrationStatus status) {
  }

  private record RequestKey(String cluster, String component, String function, String kind) {
  }

  /** Held here strongly: Micrometer gauges only keep a weak reference to what they read. */
  private static final class RequestTotals {
    final LongAdder count = new LongAdder();
    final DoubleAdder elapsedMillis = new DoubleAdder();
  }

  public ControllerMetrics() {
    this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  public ControllerMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
    this.figures = new MigrationFigures(registry, java.time.Clock.systemUTC());
    // Every (type, status) exists from the start, so `{status="running"} * 100` is 0, not empty.
    for (String type : new String[] {MigrationStatus.type(true), MigrationStatus.type(false)}) {
      for (MigrationStatus status : MigrationStatus.values()) {
        Gauge.builder(MIGRATIONS, this, m -> m.countMigrations(type, status))
            .description("Count of MigMigration CRs by type (stage, final) and status")
            .tags("type", type, "status", status.label())
            .register(registry);
      }
    }
  }

  /**
   * Records that the MigMigration with {@code uid} is a stage (or final) migration now in
   * {@code status}: one of {@code idle}, {@code running}, {@code completed}, {@code failed}.
   */
  public void record(String uid, boolean stage, String status) {
    record(uid, stage, MigrationStatus.ofLabel(status));
  }

  public void record(String uid, boolean stage, MigrationStatus status) {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(status, "status");
    migrations.put(uid, new Migration(MigrationStatus.type(stage), status));
  }

  /** Records {@code migration}'s type and the status its {@code status.phase} means. */
  public void record(MigMigration migration) {
    record(migration.getMetadata().getUid(), MigrationStatus.isStage(migration), MigrationStatus.of(migration));
    figures.record(migration);
  }

  /** The MigMigration with {@code uid} no longer exists. */
  public void forget(String uid) {
    migrations.remove(uid);
    figures.forget(uid);
  }

  private double countMigrations(String type, MigrationStatus status) {
    return migrations.values().stream().filter(m -> m.type().equals(type) && m.status() == status).count();
  }

  /** Counts one API request to {@code cluster} that took {@code elapsedMillis}. */
  public void recordRequest(String cluster, String component, String function, String kind, double elapsedMillis) {
    RequestTotals totals = requests.computeIfAbsent(new RequestKey(cluster, component, function, kind), this::register);
    totals.count.increment();
    totals.elapsedMillis.add(Math.max(0, elapsedMillis));
  }

  private RequestTotals register(RequestKey key) {
    RequestTotals totals = new RequestTotals();
    String[] tags = {"cluster", key.cluster(), "component", key.component(), "function", key.function(),
        "kind", key.kind()};
    Gauge.builder(REQUEST_COUNT, totals, t -> t.count.sum())
        .description("Cumulative count of Kubernetes API requests made by the controller")
        .tags(tags)
        .register(registry);
    Gauge.builder(REQUEST_ELAPSED, totals, t -> t.elapsedMillis.sum())
        .description("Cumulative latency of Kubernetes API requests made by the controller, in milliseconds")
        .tags(tags)
        .register(registry);
    return totals;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The metrics in Prometheus text format 0.0.4. */
  public String scrape() {
    return registry.scrape();
  }
}
