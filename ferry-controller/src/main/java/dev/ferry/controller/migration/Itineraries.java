package dev.ferry.controller.migration;

import dev.ferry.api.migration.HookPhase;
import dev.ferry.api.migration.MigMigration;
import java.util.List;

/** The itineraries of MigMigration: which one a migration follows, and their phases in order. */
public final class Itineraries {
  public static final Itinerary FINAL = new Itinerary(Itinerary.FINAL, List.of(
      new ValidatePlan(),
      new RetainMovedVolumes(),
      new RunHooks(HookPhase.PRE_BACKUP),
      new BackupResources(),
      new QuiesceApplications(),
      new WaitForQuiesce(),
      new RunHooks(HookPhase.POST_BACKUP),
      new MigrateImages(),
      new CopyVolumeData(),
      new RunHooks(HookPhase.PRE_RESTORE),
      new RestoreResources(),
      new RunHooks(HookPhase.POST_RESTORE),
      new VerifyPods()));

  public static final Itinerary STAGE = new Itinerary(Itinerary.STAGE, List.of(
      new ValidatePlan(),
      new MigrateImages(),
      new CopyVolumeData()));

  /** {@code spec.migrateState}: the volumes' data only, no resources (MTC's state migration). */
  public static final String STATE_TRANSFER = "StateTransfer";
  public static final Itinerary STATE = new Itinerary(STATE_TRANSFER, List.of(
      new ValidatePlan(),
      new CopyVolumeData()));

  /** No plan validation: a rollback must run even when the plan no longer validates. */
  public static final Itinerary ROLLBACK = new Itinerary(Itinerary.ROLLBACK, List.of(
      new DeleteMigratedResources(),
      new RestoreReclaimPolicies(),
      new UnquiesceSource("Rollback")));

  private Itineraries() {
  }

  public static Itinerary of(MigMigration migration) {
    if (Boolean.TRUE.equals(migration.getSpec().getRollback())) {
      return ROLLBACK;
    }
    if (Boolean.TRUE.equals(migration.getSpec().getMigrateState())) {
      return STATE;
    }
    return Boolean.TRUE.equals(migration.getSpec().getStage()) ? STAGE : FINAL;
  }

  public static Itinerary named(String name) {
    return switch (name) {
      case Itinerary.STAGE -> STAGE;
      case Itinerary.ROLLBACK -> ROLLBACK;
      case STATE_TRANSFER -> STATE;
      default -> FINAL;
    };
  }
}
