package dev.ferry.controller.velero;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.controller.logging.LogContext;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;

/**
 * Processes Velero Backup CRs in the controller's namespace with Ferry's own engine. A backup
 * found InProgress (the controller stopped mid-way) is run again from the start: every object
 * it writes is replaced atomically and velero-backup.json is written last, so a re-run
 * leaves exactly one complete backup. Backups a migration created (labelled {@code migmigration})
 * are run by that migration ({@link VeleroExecutor}), not here.
 */
@ControllerConfiguration(name = "backup")
public class BackupReconciler implements Reconciler<Backup> {
  private final StorageResolver storage;
  private final Clock clock;

  public BackupReconciler(StorageResolver storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  @Override
  public UpdateControl<Backup> reconcile(Backup backup, Context<Backup> context) {
    try (var log = LogContext.forChild(backup, "backup")) {
      return reconcileInLogContext(backup, context);
    }
  }

  private UpdateControl<Backup> reconcileInLogContext(Backup backup, Context<Backup> context) {
    BackupPhase phase = backup.getStatus() == null ? null : backup.getStatus().getPhase();
    if (phase != null && phase != BackupPhase.NEW && phase != BackupPhase.IN_PROGRESS) {
      return UpdateControl.noUpdate(); // finished: a backup is never run twice
    }
    if (MigrationOwned.test(backup)) {
      return UpdateControl.noUpdate(); // its migration runs it, with the plan's repository and clusters
    }
    KubernetesClient client = context.getClient();
    if (phase == BackupPhase.IN_PROGRESS) {
      // Our own status updates bump the generation (no status subresource), so this event may
      // come from a cache older than the run that just finished: ask the API server.
      Backup latest = client.resource(backup).get();
      if (latest == null || latest.getStatus() == null || latest.getStatus().getPhase() != BackupPhase.IN_PROGRESS) {
        return UpdateControl.noUpdate();
      }
    }
    String location = backup.getSpec() == null ? null : backup.getSpec().getStorageLocation();
    BackupRun.run(client, () -> storage.open(backup.getMetadata().getNamespace(), location), clock, backup);
    return UpdateControl.noUpdate();
  }
}
