package dev.ferry.controller.migration;

import dev.ferry.api.migration.hook.HookPhase;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.controller.itinerary.Itinerary;
import dev.ferry.controller.itinerary.ItineraryTable;
import java.util.List;
import java.util.Set;

/**
 * The state machine of MigMigration in one table: every itinerary, its phases in order (each
 * stored in {@code status.phase} under MTC's name, returned by {@link dev.ferry.controller.itinerary.Phase#name()}),
 * and the failure itinerary run when one of its phases fails.
 *
 * <pre>
 * itinerary      phases (stored name)                                               on failure
 * Final          ValidatePlan, EnsureMovedVolumesRetained?, PreBackupHooks,         Failed
 *                InitialBackupCreated, QuiesceApplications, EnsureQuiesced,
 *                StageBackupCreated, PostBackupHooks, MigrateImages,
 *                DirectVolumeMigrationCompleted, StageRestoreCreated, PreRestoreHooks,
 *                FinalRestoreCreated, PostRestoreHooks, Verification, EnsureAnnotationsDeleted
 * Stage          ValidatePlan, MigrateImages, DirectVolumeMigrationCompleted         —
 * StateTransfer  ValidatePlan, DirectVolumeMigrationCompleted                        —
 * Rollback       DeleteMigrated, RestoreMovedVolumesReclaimPolicy,                  —
 *                UnQuiesceSrcApplications
 * Failed         UnQuiesceSrcApplications (run once, not stored)
 * </pre>
 * The table in code below is authoritative; {@code ItinerariesTest} prints it.
 */
public final class Itineraries {
  /** Run once when a cutover fails, before the migration reports Failed. */
  public static final Itinerary<MigrationContext> FAILED = Itinerary.of(MigrationPhases.FAILED_ITINERARY,
      new StartSourceAgain());

  public static final Itinerary<MigrationContext> FINAL = new Itinerary<>(MigrationPhases.FINAL, List.of(
      new ValidatePlan(),
      MovedVolumePolicies.retain(),
      new RunHooks(HookPhase.PRE_BACKUP),
      new BackupResources(VeleroCr.INITIAL_BACKUP),
      new QuiesceApplications(),
      new WaitForQuiesce(),
      new BackupResources(VeleroCr.STAGE_BACKUP),
      new RunHooks(HookPhase.POST_BACKUP),
      new MigrateImages(),
      new CopyVolumeData(),
      new RestoreResources(VeleroCr.STAGE_RESTORE),
      new RunHooks(HookPhase.PRE_RESTORE),
      new RestoreResources(VeleroCr.FINAL_RESTORE),
      new RunHooks(HookPhase.POST_RESTORE),
      new VerifyPods(),
      new ClearCopyMarks())).failingWith(FAILED);

  public static final Itinerary<MigrationContext> STAGE = Itinerary.of(MigrationPhases.STAGE,
      new ValidatePlan(),
      new MigrateImages(),
      new CopyVolumeData());

  /** {@code spec.migrateState}: the volumes' data only, no resources (MTC's state migration). */
  public static final Itinerary<MigrationContext> STATE = Itinerary.of(MigrationPhases.STATE_TRANSFER,
      new ValidatePlan(),
      new CopyVolumeData());

  /** No plan validation: a rollback must run even when the plan no longer validates. */
  public static final Itinerary<MigrationContext> ROLLBACK = Itinerary.of(MigrationPhases.ROLLBACK,
      new DeleteMigratedResources(),
      MovedVolumePolicies.restore(),
      new UnquiesceSource("Rollback"));

  /** Every itinerary a stored {@code status.itinerary} may name, and the phases a migration ends in. */
  public static final ItineraryTable<MigrationContext> TABLE = new ItineraryTable<>("MigMigration",
      Set.of(MigrationPhases.COMPLETED, MigrationPhases.FAILED, MigrationPhases.CANCELED),
      FINAL, STAGE, STATE, ROLLBACK);

  private Itineraries() {
  }

  /** The itinerary a new migration follows, from its spec. */
  public static Itinerary<MigrationContext> of(MigMigration migration) {
    if (Boolean.TRUE.equals(migration.getSpec().getRollback())) {
      return ROLLBACK;
    }
    if (Boolean.TRUE.equals(migration.getSpec().getMigrateState())) {
      return STATE;
    }
    return Boolean.TRUE.equals(migration.getSpec().getStage()) ? STAGE : FINAL;
  }
}
