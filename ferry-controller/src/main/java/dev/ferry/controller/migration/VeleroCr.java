package dev.ferry.controller.migration;

/**
 * The four Velero CRs of a cutover, as MTC names them: their label (value: the MigMigration's
 * uid), how conditions and messages call them, the phase and pipeline step that wait on them.
 */
enum VeleroCr {
  INITIAL_BACKUP("migration-initial-backup", "Initial Backup", "InitialBackup", "InitialBackupCreated", "Backup"),
  STAGE_BACKUP("migration-stage-backup", "Stage Backup", "StageBackup", "StageBackupCreated", "StageBackup"),
  STAGE_RESTORE("migration-stage-restore", "Stage Restore", "StageRestore", "StageRestoreCreated", "StageRestore"),
  FINAL_RESTORE("migration-final-restore", "Final Restore", "FinalRestore", "FinalRestoreCreated", "Restore");

  /** Put on the objects the stage backup selects (its {@code labelSelector}), removed once it is done. */
  static final String STAGE_SELECTOR = "migration-included-stage-backup";

  final String label;
  final String title;
  private final String conditionPart;
  final String phase;
  final String step;

  VeleroCr(String label, String title, String conditionPart, String phase, String step) {
    this.label = label;
    this.title = title;
    this.conditionPart = conditionPart;
    this.phase = phase;
    this.step = step;
  }

  boolean isBackup() {
    return this == INITIAL_BACKUP || this == STAGE_BACKUP;
  }

  /** The cluster the CR lives on, in words: backups read the source, restores write the destination. */
  String where() {
    return isBackup() ? "source cluster" : "destination cluster";
  }

  /** MTC's Warn condition, e.g. {@code VeleroFinalRestorePartiallyFailed}. */
  String partiallyFailedCondition() {
    return "Velero" + conditionPart + "PartiallyFailed";
  }

  /** MTC's message, e.g. {@code Final Restore openshift-migration/x-gb8nx: partially failed on destination cluster}. */
  String partiallyFailedMessage(String namespace, String name) {
    return title + " " + namespace + "/" + name + ": partially failed on " + where();
  }
}
