package dev.ferry.controller.velero;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.restore.Restore;
import dev.ferry.api.velero.restore.RestorePhase;
import dev.ferry.backup.format.BackupLimits;
import dev.ferry.backup.restore.RestoreOptions;
import dev.ferry.controller.logging.LogContext;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Processes Velero Restore CRs with Ferry's engine. The repository is the storage location of
 * the named Backup CR when it exists on this cluster, else the default location. A restore
 * found InProgress is run again: creating an object that exists and is equal is a no-op. The
 * backup is read within the MigrationController's {@code restore_limits}. Restores a migration
 * created (labelled {@code migmigration}) are run by that migration, not here.
 */
@ControllerConfiguration(name = "restore")
public class RestoreReconciler implements Reconciler<Restore> {
  private final StorageResolver storage;
  private final Clock clock;
  private final Supplier<BackupLimits> limits;

  public RestoreReconciler(StorageResolver storage, Clock clock) {
    this(storage, clock, BackupLimits::defaults);
  }

  /** {@code limits} is read at each restore, so a changed MigrationController applies to the next one. */
  public RestoreReconciler(StorageResolver storage, Clock clock, Supplier<BackupLimits> limits) {
    this.storage = storage;
    this.clock = clock;
    this.limits = limits;
  }

  @Override
  public UpdateControl<Restore> reconcile(Restore restore, Context<Restore> context) {
    try (var log = LogContext.forChild(restore, "restore")) {
      return reconcileInLogContext(restore, context);
    }
  }

  private UpdateControl<Restore> reconcileInLogContext(Restore restore, Context<Restore> context) {
    RestorePhase phase = restore.getStatus() == null ? null : restore.getStatus().getPhase();
    if (phase != null && phase != RestorePhase.NEW && phase != RestorePhase.IN_PROGRESS) {
      return UpdateControl.noUpdate();
    }
    if (MigrationOwned.test(restore)) {
      return UpdateControl.noUpdate(); // its migration runs it, with the plan's repository and transforms
    }
    KubernetesClient client = context.getClient();
    if (phase == RestorePhase.IN_PROGRESS) {
      // Our own status updates bump the generation (no status subresource), so this event may
      // come from a cache older than the run that just finished: ask the API server.
      Restore latest = client.resource(restore).get();
      if (latest == null || latest.getStatus() == null || latest.getStatus().getPhase() != RestorePhase.IN_PROGRESS) {
        return UpdateControl.noUpdate();
      }
    }
    String namespace = restore.getMetadata().getNamespace();
    String location = null;
    if (restore.getSpec() != null && restore.getSpec().getBackupName() != null) {
      Backup backup = client.resources(Backup.class).inNamespace(namespace).withName(restore.getSpec().getBackupName())
          .get();
      location = backup == null || backup.getSpec() == null ? null : backup.getSpec().getStorageLocation();
    }
    String repository = location;
    RestoreRun.run(client, () -> storage.open(namespace, repository), clock,
        RestoreOptions.none().withLimits(limits.get()), restore);
    return UpdateControl.noUpdate();
  }
}
