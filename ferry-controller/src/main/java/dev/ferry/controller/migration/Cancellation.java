package dev.ferry.controller.migration;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.migration.MigMigrationStatus;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;

/** {@code spec.canceled}: the source application runs again, no hook keeps running, the migration ends Canceled. */
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
    status.setPhase(MigrationPhases.CANCELED);
    var conditions = status.conditions(clock);
    conditions.clear("Running");
    conditions.set(Condition.of("Canceled", Category.ADVISORY, "Canceled",
        "The migration was canceled; the source application runs again.").markDurable());
  }
}
