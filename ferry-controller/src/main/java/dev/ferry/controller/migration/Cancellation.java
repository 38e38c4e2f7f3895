package dev.ferry.controller.migration;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.migration.MigMigrationStatus;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.controller.volumes.CancelTransfers;
import dev.ferry.controller.volumes.DirectVolumeMigrationReconciler;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * {@code spec.canceled}: the source application runs again, no hook keeps running, a volume copy
 * in flight is stopped (its DirectVolumeMigration ends Canceled), the migration ends Canceled.
 */
final class Cancellation {
  private Cancellation() {
  }

  static void cancel(MigrationContext run, Clock clock) {
    var migration = run.migration();
    MigMigrationStatus status = migration.getStatus();
    new Quiescer(run.source()).unquiesce(run.sourceNamespaces());
    // A hook still running would act on an application that is no longer migrating.
    for (KubernetesClient cluster : List.of(run.source(), run.destination())) {
      cluster.batch().v1().jobs().inAnyNamespace()
          .withLabel(HookJobs.MIGRATION_LABEL, migration.getMetadata().getUid())
          .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
    }
    stopVolumeCopy(run);
    deleteUnfinishedVeleroCrs(run);
    status.setPhase(MigrationPhases.CANCELED);
    var conditions = status.conditions(clock);
    conditions.clear("Running");
    conditions.set(Condition.of("Canceled", Category.ADVISORY, "Canceled",
        "The migration was canceled; the source application runs again.").markDurable());
  }

  /** A volume copy still running stops too; its DirectVolumeMigration reconciler ends it Canceled. */
  private static void stopVolumeCopy(MigrationContext run) {
    if (run.host() == null) {
      return;
    }
    var dvm = run.host().resources(DirectVolumeMigration.class).inNamespace(run.migration().getMetadata().getNamespace())
        .withName(CopyVolumeData.dvmName(run));
    DirectVolumeMigration found = dvm.get();
    if (found == null || found.getStatus() != null && Set.of(DirectVolumeMigrationReconciler.SUCCEEDED,
        DirectVolumeMigrationReconciler.FAILED, CancelTransfers.CANCELED).contains(found.getStatus().getPhase())) {
      return;
    }
    dvm.edit(d -> {
      var annotations = d.getMetadata().getAnnotations() == null ? new java.util.HashMap<String, String>()
          : new java.util.HashMap<>(d.getMetadata().getAnnotations());
      annotations.put(CancelTransfers.CANCEL_ANNOTATION, "true");
      d.getMetadata().setAnnotations(annotations);
      return d;
    });
  }

  /**
   * As MTC's cancel deletes its Backups and Restores: the ones not finished yet are deleted, so
   * nothing restores after the cancel (a run in flight fails to write its status and stops);
   * finished ones stay for inspection.
   */
  private static void deleteUnfinishedVeleroCrs(MigrationContext run) {
    String namespace = run.migration().getMetadata().getNamespace();
    String uid = run.migration().getMetadata().getUid();
    try {
      run.source().resources(dev.ferry.api.velero.backup.Backup.class).inNamespace(namespace)
          .withLabel(dev.ferry.controller.velero.MigrationOwned.LABEL, uid).list().getItems().stream()
          .filter(b -> b.getStatus() == null || b.getStatus().getPhase() == null
              || Set.of(dev.ferry.api.velero.backup.BackupPhase.NEW, dev.ferry.api.velero.backup.BackupPhase.IN_PROGRESS)
                  .contains(b.getStatus().getPhase()))
          .forEach(b -> run.source().resource(b).delete());
      run.destination().resources(dev.ferry.api.velero.restore.Restore.class).inNamespace(namespace)
          .withLabel(dev.ferry.controller.velero.MigrationOwned.LABEL, uid).list().getItems().stream()
          .filter(r -> r.getStatus() == null || r.getStatus().getPhase() == null
              || Set.of(dev.ferry.api.velero.restore.RestorePhase.NEW, dev.ferry.api.velero.restore.RestorePhase.IN_PROGRESS)
                  .contains(r.getStatus().getPhase()))
          .forEach(r -> run.destination().resource(r).delete());
    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e; // 404: no Velero API on that cluster, so nothing to delete
      }
    }
  }
}
