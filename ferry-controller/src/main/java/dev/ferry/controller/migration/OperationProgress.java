package dev.ferry.controller.migration;

import dev.ferry.api.velero.backup.BackupProgress;
import dev.ferry.api.velero.restore.RestoreProgress;
import dev.ferry.controller.itinerary.Pipeline;

/**
 * Shows a Backup's or Restore's object counts (Velero's {@code status.progress}) in the
 * migration's pipeline step that waits on it: Ferry's {@code itemsDone}/{@code itemsTotal} and an
 * MTC-style progress line, so {@code ferry migration watch} tells a slow backup (counts growing)
 * from a stuck one. Nothing is shown before the engine has published any progress.
 */
final class OperationProgress {
  private OperationProgress() {
  }

  static void backup(MigrationContext context, VeleroCr which, String id, BackupProgress progress) {
    if (progress == null) {
      return;
    }
    show(context, which, id, progress.getItemsBackedUp(), progress.getTotalItems(), "backed up");
  }

  static void restore(MigrationContext context, VeleroCr which, String id, RestoreProgress progress) {
    if (progress == null) {
      return;
    }
    show(context, which, id, progress.getItemsRestored(), progress.getTotalItems(), "restored");
  }

  private static void show(MigrationContext context, VeleroCr which, String id, Integer done, Integer total,
                           String verb) {
    var status = context.migration().getStatus();
    if (status == null || status.getPipeline() == null || done == null && total == null) {
      return;
    }
    Pipeline.items(status.getPipeline(), which.step, value(done), value(total), line(id, value(done), value(total),
        verb));
  }

  /** {@code Initial Backup ns/name: 12 of 40 objects backed up}; the total is never shown below the count. */
  static String line(String id, long done, long total, String verb) {
    return id + ": " + done + " of " + Math.max(done, total) + " objects " + verb;
  }

  private static long value(Integer n) {
    return n == null ? 0 : n;
  }
}
