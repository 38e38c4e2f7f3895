package dev.ferry.controller.migration;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.migration.MigMigrationStatus;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.controller.cluster.ClusterAccessException;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.controller.itinerary.ItineraryRunner;
import dev.ferry.controller.logging.LogContext;
import dev.ferry.controller.itinerary.StatusPatches;
import dev.ferry.controller.metrics.RequestAttribution;
import dev.ferry.controller.velero.VeleroExecutor;
import dev.ferry.objectstore.ObjectStore;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * A MigMigration: resolve its plan, clusters and storage, then run its itinerary (the table in
 * {@link Itineraries}) with the shared {@link ItineraryRunner}; the status is written by
 * {@link MigrationJournal}. The current phase is saved in {@code status.phase} before it runs,
 * so a controller that stops anywhere resumes at that phase and re-runs it harmlessly. A cutover
 * that fails runs its failure itinerary (start the source application again) before it reports
 * Failed.
 */
@ControllerConfiguration(name = "migmigration")
public class MigrationReconciler implements Reconciler<MigMigration> {
  public static final String COMPLETED = MigrationPhases.COMPLETED;
  public static final String FAILED = MigrationPhases.FAILED;
  public static final String CANCELED = MigrationPhases.CANCELED;

  private final ClusterClients clusters;
  private final Function<MigStorage, ObjectStore> storage;
  private final Clock clock;
  private final VeleroExecutor velero;
  private final ItineraryRunner<MigrationContext> runner = new ItineraryRunner<>();

  public MigrationReconciler(ClusterClients clusters, Function<MigStorage, ObjectStore> storage, Clock clock) {
    this(clusters, storage, clock, VeleroExecutor.shared());
  }

  /** {@code velero} runs the migrations' Backup and Restore CRs (on the source and destination clusters). */
  public MigrationReconciler(ClusterClients clusters, Function<MigStorage, ObjectStore> storage, Clock clock,
                             VeleroExecutor velero) {
    this.clusters = clusters;
    this.storage = storage;
    this.clock = clock;
    this.velero = velero;
  }

  @Override
  public UpdateControl<MigMigration> reconcile(MigMigration migration, Context<MigMigration> context) {
    var planRef = migration.getSpec() == null ? null : migration.getSpec().getMigPlanRef();
    try (var scope = RequestAttribution.open("MigMigration", "(*ReconcileMigMigration).Reconcile");
         var log = LogContext.migration(migration.getMetadata().getName(), migration.getMetadata().getUid(),
             planRef == null ? null : planRef.getName(), "migration")) {
      return reconcileAttributed(migration, context);
    }
  }

  private UpdateControl<MigMigration> reconcileAttributed(MigMigration migration, Context<MigMigration> context) {
    MigMigrationStatus status = migration.getStatus() == null ? new MigMigrationStatus() : migration.getStatus();
    migration.setStatus(status);
    if (Itineraries.TABLE.isTerminal(status.getPhase())) {
      return UpdateControl.noUpdate();
    }
    MigrationJournal journal = new MigrationJournal(migration, context.getClient(), clock);
    if (status.getItinerary() == null) {
      journal.start(Itineraries.of(migration));
    }

    MigrationContext run;
    try {
      run = resolve(migration, context.getClient());
      status.conditions(clock).clear("InvalidReference");
    } catch (ReferenceException e) {
      status.conditions(clock).set(Condition.of("InvalidReference", Category.CRITICAL, "NotFound", e.getMessage()));
      return StatusPatches.patch(migration).rescheduleAfter(Duration.ofSeconds(15));
    }

    if (Boolean.TRUE.equals(migration.getSpec().getCanceled())) {
      Cancellation.cancel(run, clock);
      return StatusPatches.patch(migration);
    }

    var outcome = runner.run(Itineraries.TABLE, status.getItinerary(), run, journal);
    return StatusPatches.patch(migration, outcome);
  }

  private MigrationContext resolve(MigMigration migration, KubernetesClient host) {
    ObjectReference planRef = migration.getSpec().getMigPlanRef();
    if (planRef == null || planRef.getName() == null) {
      throw new ReferenceException("spec.migPlanRef must name the MigPlan to run");
    }
    String namespace = migration.getMetadata().getNamespace();
    MigPlan plan = get(host, MigPlan.class, planRef, namespace, "MigPlan");
    MigCluster source = get(host, MigCluster.class, plan.getSpec().getSrcMigClusterRef(), namespace, "source MigCluster");
    MigCluster destination = get(host, MigCluster.class, plan.getSpec().getDestMigClusterRef(), namespace,
        "destination MigCluster");
    MigStorage migStorage = get(host, MigStorage.class, plan.getSpec().getMigStorageRef(), namespace, "MigStorage");
    try {
      return new MigrationContext(migration, plan, source, destination, clusters.forCluster(source),
          clusters.forCluster(destination), migStorage, storage, clock).withHost(host).withExecutor(velero);
    } catch (ClusterAccessException e) {
      throw new ReferenceException(e.getMessage());
    }
  }

  private static <T extends HasMetadata> T get(KubernetesClient host, Class<T> type, ObjectReference ref,
                                               String defaultNamespace, String what) {
    if (ref == null || ref.getName() == null) {
      throw new ReferenceException("the plan has no " + what + " reference");
    }
    String namespace = ref.getNamespace() != null ? ref.getNamespace() : defaultNamespace;
    T found = host.resources(type).inNamespace(namespace).withName(ref.getName()).get();
    if (found == null) {
      throw new ReferenceException(what + " " + namespace + "/" + ref.getName() + " does not exist");
    }
    return found;
  }

  /** A reference of the migration or its plan names nothing usable. */
  static final class ReferenceException extends RuntimeException {
    ReferenceException(String message) {
      super(message);
    }
  }
}
