package dev.ferry.controller.migration;

/** The itinerary names and terminal phases of MigMigration, as MTC stores them. */
public final class MigrationPhases {
  public static final String FINAL = "Final";
  public static final String STAGE = "Stage";
  /** {@code spec.migrateState}: the volumes' data only (MTC's state migration). */
  public static final String STATE_TRANSFER = "StateTransfer";
  public static final String ROLLBACK = "Rollback";
  /** The failure itinerary of a cutover. */
  public static final String FAILED_ITINERARY = "Failed";

  public static final String COMPLETED = "Completed";
  public static final String FAILED = "Failed";
  public static final String CANCELED = "Canceled";

  private MigrationPhases() {
  }
}
