package dev.ferry.controller.migration;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.MigMigrationStatus;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import dev.ferry.api.migration.DirectVolumeMigration;
import dev.ferry.controller.volumes.CancelTransfers;
import dev.ferry.controller.volumes.DirectVolumeMigrationReconciler;

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
}
