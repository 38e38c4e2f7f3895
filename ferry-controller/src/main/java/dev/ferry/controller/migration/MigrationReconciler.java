package dev.ferry.controller.migration;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.common.Times;
import dev.ferry.api.migration.MigCluster;
import dev.ferry.api.migration.MigMigration;
import dev.ferry.api.migration.MigMigrationStatus;
import dev.ferry.api.migration.MigPlan;
import dev.ferry.api.migration.MigStorage;
import dev.ferry.controller.cluster.ClusterAccessException;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.controller.metrics.RequestAttribution;
import dev.ferry.objectstore.ObjectStore;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a MigMigration through its itinerary, one idempotent phase after another. The current
 * phase is saved in {@code status.phase} before it runs, so a controller that stops anywhere
 * resumes at that phase and re-runs it harmlessly. A final migration that fails after quiescing
 * starts the source application again before it reports Failed.
 */
@ControllerConfiguration(name = "migmigration")
public class MigrationReconciler implements Reconciler<MigMigration> {
  public static final String COMPLETED = "Completed";
  public static final String FAILED = "Failed";
  public static final String CANCELED = "Canceled";
  private static final Set<String> TERMINAL = Set.of(COMPLETED, FAILED, CANCELED);
  private static final Logger LOG = LoggerFactory.getLogger(MigrationReconciler.class);

  private final ClusterClients clusters;
  private final Function<MigStorage, ObjectStore> storage;
  private final Clock clock;

  public MigrationReconciler(ClusterClients clusters, Function<MigStorage, ObjectStore> storage, Clock clock) {
    this.clusters = clusters;
    this.storage = storage;
    this.clock = clock;
  }

  @Override
  public UpdateControl<MigMigration> reconcile(MigMigration migration, Context<MigMigration> context) {
    try (var scope = RequestAttribution.open("MigMigration", "(*ReconcileMigMigration).Reconcile")) {
      return reconcileAttributed(migration, context);
    }
  }

  private UpdateControl<MigMigration> reconcileAttributed(MigMigration migration, Context<MigMigration> context) {
    MigMigrationStatus status = migration.getStatus() == null ? new MigMigrationStatus() : migration.getStatus();
    migration.setStatus(status);
    if (status.getPhase() != null && TERMINAL.contains(status.getPhase())) {
      return UpdateControl.noUpdate();
    }
    Itinerary itinerary;
    if (status.getItinerary() == null) {
      itinerary = Itineraries.of(migration);
      status.setItinerary(itinerary.name());
      status.setStartTimestamp(Times.now(clock));
      status.setPhase(itinerary.phases().get(0).name());
      Pipeline.init(status, itinerary);
    } else {
      itinerary = Itineraries.named(status.getItinerary());
    }

    MigrationContext run;
    try {
      run = resolve(migration, context.getClient());
      status.conditions(clock).clear("InvalidReference");
    } catch (ReferenceException e) {
      status.conditions(clock).set(Condition.of("InvalidReference", Category.CRITICAL, "NotFound", e.getMessage()));
      return patch(migration).rescheduleAfter(Duration.ofSeconds(15));
    }

    if (Boolean.TRUE.equals(migration.getSpec().getCanceled())) {
      return cancel(migration, run);
    }

    while (true) {
      Phase phase = itinerary.phase(status.getPhase()).orElse(itinerary.phases().get(0));
      Pipeline.entering(status, phase, clock);
      running(status, itinerary, phase);
      persist(context.getClient(), migration);
      PhaseResult result;
      try {
        result = phase.run(run);
      } catch (KubernetesClientException e) {
        result = PhaseResult.fail(phase.name() + ": " + (e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage() : e.getMessage()));
      } catch (RuntimeException e) {
        LOG.warn("phase {} of migration {} failed", phase.name(), migration.getMetadata().getName(), e);
        result = PhaseResult.fail(phase.name() + ": " + e.getMessage());
      }
      if (result instanceof PhaseResult.Requeue requeue) {
        Pipeline.waiting(status, phase, requeue.waitingFor());
        return patch(migration).rescheduleAfter(requeue.after());
      }
      if (result instanceof PhaseResult.Fail fail) {
        return failed(migration, run, itinerary, phase, fail.reason());
      }
      var next = itinerary.after(phase);
      if (next.isEmpty()) {
        return completed(migration);
      }
      status.setPhase(next.get().name());
    }
  }

  private UpdateControl<MigMigration> completed(MigMigration migration) {
    MigMigrationStatus status = migration.getStatus();
    Pipeline.completeAll(status, clock);
    status.setPhase(COMPLETED);
    var conditions = status.conditions(clock);
    conditions.clear("Running");
    if (conditions.hasCategory(Category.WARN)) {
      conditions.set(Condition.of("SucceededWithWarnings", Category.ADVISORY, "Completed",
          "The migration has completed with warnings, please look at `Warn` conditions.").markDurable());
    } else {
      conditions.set(Condition.of("Succeeded", Category.ADVISORY, "Completed",
          "The migration has completed successfully.").markDurable());
    }
    LOG.info("migration {} completed", migration.getMetadata().getName());
    return patch(migration);
  }

  private UpdateControl<MigMigration> failed(MigMigration migration, MigrationContext run, Itinerary itinerary,
                                             Phase phase, String reason) {
    MigMigrationStatus status = migration.getStatus();
    Pipeline.failed(status, phase, reason, clock);
    if (itinerary == Itineraries.FINAL) {
      try {
        // Leave the source as it was: a failed cutover must not leave the application stopped.
        new Quiescer(run.source()).unquiesce(run.sourceNamespaces());
      } catch (RuntimeException e) {
        reason = reason + " (and starting the source application again failed: " + e.getMessage()
            + "; scale it back using the migration.openshift.io/preQuiesceReplicas annotations)";
      }
    }
    List<String> errors = status.getErrors() == null ? new ArrayList<>() : new ArrayList<>(status.getErrors());
    errors.add(reason);
    status.setErrors(errors);
    status.setPhase(FAILED);
    var conditions = status.conditions(clock);
    conditions.clear("Running");
    conditions.set(Condition.of("Failed", Category.CRITICAL, phase.name(),
        "The migration has failed. See: Errors. " + reason).markDurable());
    LOG.info("migration {} failed in {}: {}", migration.getMetadata().getName(), phase.name(), reason);
    return patch(migration);
  }

  private UpdateControl<MigMigration> cancel(MigMigration migration, MigrationContext run) {
    MigMigrationStatus status = migration.getStatus();
    new Quiescer(run.source()).unquiesce(run.sourceNamespaces());
    // A hook still running would act on an application that is no longer migrating.
    for (KubernetesClient cluster : List.of(run.source(), run.destination())) {
      cluster.batch().v1().jobs().inAnyNamespace()
          .withLabel(HookJobs.MIGRATION_LABEL, migration.getMetadata().getUid())
          .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
    }
    status.setPhase(CANCELED);
    var conditions = status.conditions(clock);
    conditions.clear("Running");
    conditions.set(Condition.of("Canceled", Category.ADVISORY, "Canceled",
        "The migration was canceled; the source application runs again.").markDurable());
    return patch(migration);
  }

  private void running(MigMigrationStatus status, Itinerary itinerary, Phase phase) {
    int index = itinerary.phases().indexOf(phase) + 1;
    status.conditions(clock).set(Condition.of("Running", Category.ADVISORY, phase.name(),
        "Step: " + index + "/" + itinerary.phases().size()));
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
          clusters.forCluster(destination), migStorage, storage, clock).withHost(host);
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

  /** Saves progress now, so a restart resumes at the phase about to run. Best effort. */
  private static void persist(KubernetesClient client, MigMigration migration) {
    try {
      migration.getMetadata().setResourceVersion(null);
      client.resource(migration).patchStatus();
    } catch (KubernetesClientException e) {
      LOG.debug("could not save progress of {}: {}", migration.getMetadata().getName(), e.getMessage());
    }
  }

  private static UpdateControl<MigMigration> patch(MigMigration migration) {
    migration.getMetadata().setResourceVersion(null);
    return UpdateControl.patchStatus(migration);
  }

  /** A reference of the migration or its plan names nothing usable. */
  static final class ReferenceException extends RuntimeException {
    ReferenceException(String message) {
      super(message);
    }
  }
}
