package dev.ferry.controller.migration;

/**
 * One named, idempotent step of an itinerary. Running it again after a controller restart must
 * give the same result without duplicating anything: all its state is in the clusters, the
 * repository and the MigMigration's status.
 */
public interface Phase {
  /** The name stored in {@code status.phase}. */
  String name();

  /** The pipeline step it belongs to (Prepare, Backup, DirectVolume, Restore, Cleanup …). */
  String step();

  PhaseResult run(MigrationContext context);
}
