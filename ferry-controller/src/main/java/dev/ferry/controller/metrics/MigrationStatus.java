package dev.ferry.controller.metrics;

import dev.ferry.api.migration.migration.MigMigration;
import java.util.Locale;

/**
 * The {@code status} label of {@code cam_app_workload_migrations}: a MigMigration without a phase
 * has not started ({@code idle}); {@code Completed} is {@code completed}; {@code Failed} and
 * {@code Canceled} are {@code failed}; any other phase is {@code running}.
 */
public enum MigrationStatus {
  IDLE, RUNNING, COMPLETED, FAILED;

  /** The label value, as MTC spells it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status of a MigMigration whose {@code status.phase} is {@code phase} (null if none yet). */
  public static MigrationStatus ofPhase(String phase) {
    if (phase == null || phase.isBlank()) {
      return IDLE;
    }
    return switch (phase) {
      case "Completed" -> COMPLETED;
      case "Failed", "Canceled" -> FAILED;
      default -> RUNNING;
    };
  }

  public static MigrationStatus of(MigMigration migration) {
    return ofPhase(migration.getStatus() == null ? null : migration.getStatus().getPhase());
  }

  /** The status whose {@link #label()} is {@code label}. */
  public static MigrationStatus ofLabel(String label) {
    for (MigrationStatus status : values()) {
      if (status.label().equals(label)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown migration status '" + label + "'; one of idle, running, "
        + "completed, failed");
  }

  /** The {@code type} label: {@code stage} for a stage migration, else {@code final}. */
  public static String type(boolean stage) {
    return stage ? "stage" : "final";
  }

  public static boolean isStage(MigMigration migration) {
    return migration.getSpec() != null && Boolean.TRUE.equals(migration.getSpec().getStage());
  }
}
