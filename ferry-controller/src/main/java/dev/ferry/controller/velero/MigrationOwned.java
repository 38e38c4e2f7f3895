package dev.ferry.controller.velero;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Backups and Restores a MigMigration created carry its uid under this label (as MTC's do). */
public final class MigrationOwned {
  public static final String LABEL = "migmigration";

  private MigrationOwned() {
  }

  static boolean test(HasMetadata resource) {
    var labels = resource.getMetadata().getLabels();
    return labels != null && labels.containsKey(LABEL);
  }
}
