package dev.ferry.cli.migration;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.cli.output.MigrationFormat;
import dev.ferry.cli.output.VeleroFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The rows of {@code ferry migration get}: NAME, PLAN, TYPE, PHASE, STEP, AGE (newest first). */
public final class MigrationTable {
  static final String[] HEADERS = {"NAME", "PLAN", "TYPE", "PHASE", "STEP", "AGE"};

  private MigrationTable() {
  }

  static List<String[]> rows(List<MigMigration> migrations, Clock clock) {
    return migrations.stream().sorted(Comparator.comparing(
            (MigMigration m) -> VeleroFormat.instant(m.getMetadata().getCreationTimestamp()),
            Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(m -> m.getMetadata().getName()))
        .map(m -> new String[] {
            m.getMetadata().getName(),
            MigrationFormat.plan(m),
            MigrationFormat.type(m),
            MigrationFormat.phase(m),
            MigrationFormat.currentStep(m),
            age(m.getMetadata().getCreationTimestamp(), clock)}).toList();
  }

  public static String age(String created, Clock clock) {
    Instant when = VeleroFormat.instant(created);
    return when == null ? "<unknown>" : VeleroFormat.shortHumanDuration(Duration.between(when, Instant.now(clock)));
  }
}
