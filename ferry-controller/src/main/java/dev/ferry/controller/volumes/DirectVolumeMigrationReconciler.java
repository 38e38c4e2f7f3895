package dev.ferry.controller.volumes;

import dev.ferry.controller.logging.LogContext;
import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.common.Times;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.api.migration.volumes.DirectVolumeMigrationStatus;
import dev.ferry.controller.cluster.ClusterAccessException;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.controller.itinerary.ItineraryRunner;
import dev.ferry.controller.itinerary.PhaseResult;
import dev.ferry.controller.itinerary.StatusPatches;
import dev.ferry.controller.storage.InvalidMigStorageException;
import dev.ferry.controller.storage.MigStorageLocations;
import dev.ferry.controller.volumes.VolumeMigrationContext.RepositoryTarget;
import dev.ferry.objectstore.ObjectStore;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Copies the data of a DirectVolumeMigration's claims: resolves its clusters (and the repository
 * of an indirect copy), then runs its itinerary ({@link VolumeMigrationPhases}: destination
 * claims, wait for them to bind, run the transfers) with the shared {@link ItineraryRunner}. The
 * transfers run asynchronously; only {@code status.rsyncOperations} records which claims are
 * done, so a restarted controller starts the unfinished ones again. Ends {@code Succeeded}, or
 * {@code Failed} naming the claim, or {@code Canceled} when its MigMigration was ({@link CancelTransfers}).
 */
@ControllerConfiguration(name = "directvolumemigration")
public class DirectVolumeMigrationReconciler implements Reconciler<DirectVolumeMigration> {
  public static final String SUCCEEDED = VolumeMigrationPhases.SUCCEEDED;
  public static final String FAILED = VolumeMigrationPhases.FAILED;
  /** Names the MigStorage (same namespace) an indirect copy goes through; absent for a direct copy. */
  public static final String REPOSITORY_ANNOTATION = "migration.ferry.dev/indirect-via-migstorage";
  /** Label with the plan's uid: tags the repository snapshots of a claim across stages. */
  public static final String PLAN_LABEL = "migration.openshift.io/migrated-by-migplan";
  private static final Duration RETRY = Duration.ofSeconds(10);

  private final ClusterClients clusters;
  private final Function<MigStorage, ObjectStore> storage;
  private final VolumeMover mover;
  private final InProcessVolumeLauncher inProcess;
  private final ProgressReports reports;
  private final Clock clock;

  public DirectVolumeMigrationReconciler(ClusterClients clusters, Function<MigStorage, ObjectStore> storage,
                                         VolumeMover mover, InProcessVolumeLauncher inProcess, Clock clock) {
    this.clusters = clusters;
    this.storage = storage;
    this.mover = mover;
    this.inProcess = inProcess;
    this.reports = new ProgressReports(clock);
    this.clock = clock;
  }

  @Override
  public UpdateControl<DirectVolumeMigration> reconcile(DirectVolumeMigration dvm, Context<DirectVolumeMigration> context) {
    try (var log = LogContext.forChild(dvm, "volumes")) {
      return reconcileInLogContext(dvm, context);
    }
  }

  private UpdateControl<DirectVolumeMigration> reconcileInLogContext(DirectVolumeMigration dvm, Context<DirectVolumeMigration> context) {
    DirectVolumeMigrationStatus status = dvm.getStatus() == null ? new DirectVolumeMigrationStatus() : dvm.getStatus();
    dvm.setStatus(status);
    if (VolumeMigrationPhases.TABLE.isTerminal(status.getPhase())) {
      return UpdateControl.noUpdate();
    }
    if (status.getStartTimestamp() == null) {
      status.setStartTimestamp(Times.now(clock));
    }
    if (status.getItinerary() == null) {
      // Also a DVM started by an earlier version, which stored phases but no itinerary.
      status.setItinerary(VolumeMigrationPhases.ITINERARY);
    }
    KubernetesClient host = context.getClient();
    VolumeMigrationJournal journal = new VolumeMigrationJournal(dvm, host, clock);
    ItineraryRunner<VolumeMigrationContext> runner = new ItineraryRunner<>((phase, error) -> onError(dvm, error));
    VolumeMigrationContext run;
    try {
      run = new VolumeMigrationContext(dvm, host, cluster(host, dvm, dvm.getSpec().getSrcMigClusterRef(), "source"),
          cluster(host, dvm, dvm.getSpec().getDestMigClusterRef(), "destination"), repository(host, dvm), mover,
          inProcess, reports, clock);
    } catch (RuntimeException e) {
      if (onError(dvm, e) instanceof PhaseResult.Fail fail) {
        runner.fail(VolumeMigrationPhases.VOLUME_MIGRATION, new ItineraryRunner.Failure(status.getItinerary(),
            status.getPhase(), null, fail.reason()), null, journal);
        return StatusPatches.patch(dvm);
      }
      return StatusPatches.patch(dvm).rescheduleAfter(RETRY);
    }
    if (CancelTransfers.requested(dvm)) {
      CancelTransfers.stop(dvm, run.source(), run.destination(), inProcess, clock);
      return StatusPatches.patch(dvm);
    }
    var outcome = runner.run(VolumeMigrationPhases.TABLE, status.getItinerary(), run, journal);
    return StatusPatches.patch(dvm, outcome);
  }

  /**
   * A DVM that cannot be carried out as specified fails; a cluster refusing a request is retried
   * (it may come back); anything else goes to the operator's own retry.
   */
  private PhaseResult onError(DirectVolumeMigration dvm, RuntimeException error) {
    if (error instanceof InvalidTransferException) {
      return PhaseResult.fail(error.getMessage());
    }
    if (error instanceof KubernetesClientException) {
      String why = StatusPatches.message(error);
      dvm.getStatus().conditions(clock).set(Condition.of("ClusterRequestFailed", Category.WARN, "RequestFailed",
          "A request to a cluster failed and will be retried: " + why));
      return PhaseResult.requeue(RETRY, "a cluster to answer: " + why);
    }
    throw error;
  }

  private KubernetesClient cluster(KubernetesClient host, DirectVolumeMigration dvm, ObjectReference ref, String what) {
    if (ref == null || ref.getName() == null) {
      throw new InvalidTransferException("spec." + (what.equals("source") ? "srcMigClusterRef" : "destMigClusterRef")
          + " must name the " + what + " MigCluster");
    }
    String namespace = ref.getNamespace() != null ? ref.getNamespace() : dvm.getMetadata().getNamespace();
    MigCluster cluster = host.resources(MigCluster.class).inNamespace(namespace).withName(ref.getName()).get();
    if (cluster == null) {
      throw new InvalidTransferException("The " + what + " MigCluster " + namespace + "/" + ref.getName()
          + " does not exist");
    }
    try {
      return clusters.forCluster(cluster);
    } catch (ClusterAccessException e) {
      throw new InvalidTransferException(e.getMessage());
    }
  }

  private Optional<RepositoryTarget> repository(KubernetesClient host, DirectVolumeMigration dvm) {
    Map<String, String> annotations = dvm.getMetadata().getAnnotations();
    String name = annotations == null ? null : annotations.get(REPOSITORY_ANNOTATION);
    if (name == null) {
      return Optional.empty();
    }
    MigStorage migStorage = host.resources(MigStorage.class).inNamespace(dvm.getMetadata().getNamespace())
        .withName(name).get();
    if (migStorage == null) {
      throw new InvalidTransferException("The MigStorage " + dvm.getMetadata().getNamespace() + "/" + name
          + " of this indirect volume migration does not exist");
    }
    String plan = dvm.getMetadata().getLabels() == null ? null : dvm.getMetadata().getLabels().get(PLAN_LABEL);
    Supplier<PodRepository> pods = () -> {
      try {
        return PodRepository.of(new MigStorageLocations(host).location(migStorage));
      } catch (InvalidMigStorageException e) {
        throw new PodRepository.UnreachableException(e.getMessage());
      }
    };
    return Optional.of(new RepositoryTarget(() -> storage.apply(migStorage), plan == null ? "none" : plan,
        dvm.getMetadata().getNamespace() + "/" + name, pods));
  }

}
