package dev.ferry.controller.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names and messages users look up in MTC's troubleshooting guide, for each of the four CRs. */
class VeleroCrTest {
  @Test
  void conditionsAndMessagesAreMtcs() {
    assertThat(VeleroCr.FINAL_RESTORE.partiallyFailedCondition()).isEqualTo("VeleroFinalRestorePartiallyFailed");
    assertThat(VeleroCr.FINAL_RESTORE.partiallyFailedMessage("openshift-migration", "ccc7c2d0-x4lbf"))
        .isEqualTo("Final Restore openshift-migration/ccc7c2d0-x4lbf: partially failed on destination cluster");
    assertThat(VeleroCr.STAGE_RESTORE.partiallyFailedCondition()).isEqualTo("VeleroStageRestorePartiallyFailed");
    assertThat(VeleroCr.INITIAL_BACKUP.partiallyFailedCondition()).isEqualTo("VeleroInitialBackupPartiallyFailed");
    assertThat(VeleroCr.STAGE_BACKUP.partiallyFailedMessage("ns", "b"))
        .isEqualTo("Stage Backup ns/b: partially failed on source cluster");
  }

  @Test
  void labelsPhasesAndStepsAreMtcs() {
    assertThat(VeleroCr.values()).extracting(c -> c.label).containsExactly("migration-initial-backup",
        "migration-stage-backup", "migration-stage-restore", "migration-final-restore");
    assertThat(VeleroCr.values()).extracting(c -> c.phase).containsExactly("InitialBackupCreated",
        "StageBackupCreated", "StageRestoreCreated", "FinalRestoreCreated");
    assertThat(Itineraries.FINAL.phaseNames()).containsSubsequence("InitialBackupCreated", "EnsureQuiesced",
        "StageBackupCreated", "DirectVolumeMigrationCompleted", "StageRestoreCreated", "FinalRestoreCreated");
  }
}
