package dev.ferry.controller.volumes;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.common.Times;
import dev.ferry.api.migration.DirectVolumeMigration;
import dev.ferry.api.migration.DirectVolumeMigrationProgress;
import dev.ferry.api.migration.DirectVolumeMigrationStatus;
import dev.ferry.api.migration.MigCluster;
import dev.ferry.api.migration.MigStorage;
import dev.ferry.api.migration.PodProgress;
import dev.ferry.api.migration.PvcToMigrate;
import dev.ferry.api.migration.RsyncOperation;
import dev.ferry.controller.cluster.ClusterAccessException;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.controller.storage.InvalidMigStorageException;
import dev.ferry.controller.storage.MigStorageLocations;
import dev.ferry.objectstore.ObjectStore;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the data of a DirectVolumeMigration's claims: creates the destination claims, picks a
 * launcher (in-process when every volume is a local directory, pods otherwise — said in the
 * {@code LauncherSelected} condition), starts one transfer per claim and follows them on every
 * reconcile, reporting each in a DirectVolumeMigrationProgress. The transfers run asynchronously;
 * only {@code status.rsyncOperations} records which claims are done, so a restarted controller
 * starts the unfinished ones again. Ends {@code Succeeded}, or {@code Failed} naming the claim.
 */
@ControllerConfiguration(name = "directvolumemigration")
public class DirectVolumeMigrationReconciler implements Reconciler<DirectVolumeMigration> {
  public static final String SUCCEEDED = "Succeeded";
  public static final String FAILED = "Failed";
  /** Names the MigStorage (same namespace) an indirect copy goes through; absent for a direct copy. */
  public static final String REPOSITORY_ANNOTATION = "migration.ferry.dev/indirect-via-migstorage";
  /** Label with the plan's uid: tags the repository snapshots of a claim across stages. */
  public static final String PLAN_LABEL = "migration.openshift.io/migrated-by-migplan";
  private static final Set<String> TERMINAL = Set.of(SUCCEEDED, FAILED);
  private static final Duration POLL = Duration.ofSeconds(2);
  /** Transfer pods Pending for longer than {@link MoverPodSettings#pendingLimit()}. */
  public static final String TRANSFER_PODS_PENDING = "TransferPodsPending";
  private static final Logger LOG = LoggerFactory.getLogger(DirectVolumeMigrationReconciler.class);

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
  public UpdateControl<DirectVolumeMigration> reconcile(DirectVolumeMigration dvm,
                                                        Context<DirectVolumeMigration> context) {
    DirectVolumeMigrationStatus status = dvm.getStatus() == null ? new DirectVolumeMigrationStatus() : dvm.getStatus();
    dvm.setStatus(status);
    if (status.getPhase() != null && TERMINAL.contains(status.getPhase())) {
      return UpdateControl.noUpdate();
    }
    if (status.getStartTimestamp() == null) {
      status.setStartTimestamp(Times.now(clock));
    }
    KubernetesClient host = context.getClient();
    try {
      return run(dvm, host);
    } catch (InvalidTransferException e) {
      return failed(dvm, List.of(e.getMessage()));
    } catch (KubernetesClientException e) {
      String why = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
          : e.getMessage();
      status.conditions(clock).set(Condition.of("ClusterRequestFailed", Category.WARN, "RequestFailed",
          "A request to a cluster failed and will be retried: " + why));
      return patch(dvm).rescheduleAfter(Duration.ofSeconds(10));
    }
  }

  private UpdateControl<DirectVolumeMigration> run(DirectVolumeMigration dvm, KubernetesClient host) {
    DirectVolumeMigrationStatus status = dvm.getStatus();
    var conditions = status.conditions(clock);
    KubernetesClient source = cluster(host, dvm, dvm.getSpec().getSrcMigClusterRef(), "source");
    KubernetesClient destination = cluster(host, dvm, dvm.getSpec().getDestMigClusterRef(), "destination");
    List<PvcToMigrate> claims = dvm.getSpec().getPersistentVolumeClaims() == null ? List.of()
        : dvm.getSpec().getPersistentVolumeClaims();

    // 1. The destination claims, before any data moves.
    status.setPhase("CreateDestinationPVCs");
    DestinationClaims destinationClaims = new DestinationClaims(destination, markers(dvm));
    Map<String, PersistentVolumeClaim> sourceClaims = new LinkedHashMap<>();
    Map<String, PersistentVolumeClaim> targetClaims = new LinkedHashMap<>();
    List<String> unbound = new ArrayList<>();
    for (PvcToMigrate claim : claims) {
      String key = ClaimsToCopy.sourceKey(claim);
      PersistentVolumeClaim sourceClaim = source.persistentVolumeClaims().inNamespace(claim.getNamespace())
          .withName(claim.getName()).get();
      if (sourceClaim == null) {
        throw new InvalidTransferException("The source claim " + key + " does not exist; remove it from the plan's "
            + "persistentVolumes or restore it on the source");
      }
      String targetNamespace = ClaimsToCopy.targetNamespace(claim);
      if (Boolean.TRUE.equals(dvm.getSpec().getCreateDestinationNamespaces())) {
        destinationClaims.ensureNamespace(targetNamespace, source.namespaces().withName(claim.getNamespace()).get());
      } else if (destination.namespaces().withName(targetNamespace).get() == null) {
        throw new InvalidTransferException("The destination namespace " + targetNamespace + " of claim " + key
            + " does not exist; create it or set spec.createDestinationNamespaces");
      }
      PersistentVolumeClaim target = destinationClaims.ensure(claim, sourceClaim);
      sourceClaims.put(key, sourceClaim);
      targetClaims.put(key, target);
      if (!bound(target) && !bindsOnFirstPod(destination, target)) {
        unbound.add(ClaimsToCopy.targetKey(claim));
      }
    }
    if (!unbound.isEmpty()) {
      status.setPhase("WaitForDestinationPVCs");
      status.setPhaseDescription("Waiting for the destination claims to be bound: " + String.join(", ", unbound));
      return patch(dvm).rescheduleAfter(POLL);
    }

    // 2. Where the volumes are, and so which launcher moves them.
    List<LauncherChoice.Located> located = new ArrayList<>();
    for (PvcToMigrate claim : claims) {
      String key = ClaimsToCopy.sourceKey(claim);
      located.add(new LauncherChoice.Located(key, directory(source, sourceClaims.get(key)),
          directory(destination, targetClaims.get(key))));
    }
    LauncherChoice choice = LauncherChoice.of(located);
    String choiceMessage = "Volume data is moved by the " + choice.reason();
    if (conditions.find("LauncherSelected").map(c -> !choiceMessage.equals(c.getMessage())).orElse(true)) {
      LOG.info("DirectVolumeMigration {}/{}: {}", dvm.getMetadata().getNamespace(), dvm.getMetadata().getName(),
          choiceMessage);
    }
    conditions.set(Condition.of("LauncherSelected", Category.ADVISORY, choice.launcherName(), choiceMessage)
        .markDurable());
    VolumeLauncher launcher = choice.inProcess() ? inProcess
        : new JobVolumeLauncher(mover, MoverPodSettings.read(host, dvm.getMetadata().getNamespace()), markers(dvm));
    Optional<RepositoryTarget> repository = repository(host, dvm);

    // 3. Start or follow every unfinished transfer.
    status.setPhase("RunRsyncOperations");
    Map<String, RsyncOperation> operations = operations(status, claims);
    int limit = 1 + Math.max(0, dvm.getSpec().getBackOffLimit() == null ? 0 : dvm.getSpec().getBackOffLimit());
    // Failures recorded by earlier reconciles keep their messages here.
    List<String> errors = status.getErrors() == null ? new ArrayList<>() : new ArrayList<>(status.getErrors());
    Instant started = Times.parse(status.getStartTimestamp());
    List<PodProgress> running = new ArrayList<>();
    List<PodProgress> pending = new ArrayList<>();
    List<PodProgress> succeeded = new ArrayList<>();
    List<PodProgress> failed = new ArrayList<>();
    List<String> stuck = new ArrayList<>();
    for (int i = 0; i < claims.size(); i++) {
      PvcToMigrate claim = claims.get(i);
      String key = ClaimsToCopy.sourceKey(claim);
      RsyncOperation operation = operations.get(key);
      String name = TransferNames.of(dvm.getMetadata().getUid(), claim.getNamespace(), claim.getName());
      if (Boolean.TRUE.equals(operation.getSucceeded())) {
        succeeded.add(podProgress(name, claim, "Succeeded"));
        continue;
      }
      if (Boolean.TRUE.equals(operation.getFailed())) {
        failed.add(podProgress(name, claim, "Failed"));
        continue;
      }
      VolumeTransfer transfer = new VolumeTransfer(dvm.getMetadata().getUid() + "/" + key + "/"
          + operation.getCurrentAttempt(), name, claim, source, destination, sourceClaims.get(key),
          targetClaims.get(key), located.get(i).source(), located.get(i).destination(),
          Boolean.TRUE.equals(claim.getVerify()), repository.map(r -> r.forClaim(claim)));
      TransferState state = launcher.poll(transfer);
      reports.report(host, dvm, transfer, state, started);
      if (state.stuck()) {
        stuck.add(state.message());
      }
      PodProgress pod = podProgress(name, claim, state.message());
      if (state.phase() == TransferState.Phase.SUCCEEDED) {
        operation.setSucceeded(true);
        succeeded.add(pod);
        LOG.info("volume data of {} copied: {}", key, state.message());
      } else if (state.phase() == TransferState.Phase.FAILED) {
        if (operation.getCurrentAttempt() < limit) {
          LOG.info("volume transfer of {} failed (attempt {} of {}), retrying: {}", key,
              operation.getCurrentAttempt(), limit, state.message());
          operation.setCurrentAttempt(operation.getCurrentAttempt() + 1);
          running.add(pod);
        } else {
          operation.setFailed(true);
          failed.add(pod);
          errors.add("The data transfer of claim " + key + " failed: " + state.message());
          status.setErrors(errors);
        }
      } else if (state.phase() == TransferState.Phase.RUNNING) {
        running.add(pod);
      } else {
        pending.add(pod);
      }
      if (state.finished()) {
        launcher.release(transfer);
        reports.forget(dvm.getMetadata().getNamespace(), name);
      }
    }
    if (stuck.isEmpty()) {
      conditions.clear(TRANSFER_PODS_PENDING);
    } else {
      conditions.set(Condition.of(TRANSFER_PODS_PENDING, Category.WARN, "PodsPending", String.join("; ", stuck)));
    }
    status.setRunningPods(running.isEmpty() ? null : running);
    status.setPendingPods(pending.isEmpty() ? null : pending);
    status.setSuccessfulPods(succeeded.isEmpty() ? null : succeeded);
    status.setFailedPods(failed.isEmpty() ? null : failed);
    if (succeeded.size() + failed.size() < claims.size()) {
      status.setPhaseDescription("Copying volume data: " + succeeded.size() + " of " + claims.size()
          + " claim(s) done");
      return patch(dvm).rescheduleAfter(POLL);
    }
    if (!errors.isEmpty()) {
      return failed(dvm, errors);
    }
    status.setPhase(SUCCEEDED);
    status.setPhaseDescription("The data of " + claims.size() + " claim(s) was copied");
    conditions.clear("Running", "ClusterRequestFailed");
    conditions.set(Condition.of(SUCCEEDED, Category.ADVISORY, "Completed", "Direct volume migration completed: "
        + claims.size() + " claim(s) copied.").markDurable());
    cleanupReports(host, dvm);
    return patch(dvm);
  }

  private UpdateControl<DirectVolumeMigration> failed(DirectVolumeMigration dvm, List<String> errors) {
    DirectVolumeMigrationStatus status = dvm.getStatus();
    status.setPhase(FAILED);
    status.setErrors(errors);
    status.setPhaseDescription(errors.get(0));
    var conditions = status.conditions(clock);
    conditions.clear("Running");
    conditions.set(Condition.of(FAILED, Category.CRITICAL, "TransferFailed", String.join("; ", errors))
        .markDurable());
    LOG.info("DirectVolumeMigration {}/{} failed: {}", dvm.getMetadata().getNamespace(), dvm.getMetadata().getName(),
        errors);
    return patch(dvm);
  }

  private void cleanupReports(KubernetesClient host, DirectVolumeMigration dvm) {
    if (Boolean.TRUE.equals(dvm.getSpec().getDeleteProgressReportingCRs())) {
      host.resources(DirectVolumeMigrationProgress.class).inNamespace(dvm.getMetadata().getNamespace())
          .withLabel("directvolumemigration", dvm.getMetadata().getUid()).delete();
    }
  }

  private static Map<String, RsyncOperation> operations(DirectVolumeMigrationStatus status, List<PvcToMigrate> claims) {
    Map<String, RsyncOperation> byKey = new LinkedHashMap<>();
    if (status.getRsyncOperations() != null) {
      for (RsyncOperation op : status.getRsyncOperations()) {
        if (op.getPvcReference() != null) {
          byKey.put(op.getPvcReference().getNamespace() + "/" + op.getPvcReference().getName(), op);
        }
      }
    }
    List<RsyncOperation> ordered = new ArrayList<>();
    for (PvcToMigrate claim : claims) {
      RsyncOperation op = byKey.computeIfAbsent(ClaimsToCopy.sourceKey(claim), k -> {
        RsyncOperation created = new RsyncOperation();
        ObjectReference ref = new ObjectReference();
        ref.setName(claim.getName());
        ref.setNamespace(claim.getNamespace());
        created.setPvcReference(ref);
        created.setCurrentAttempt(1);
        return created;
      });
      ordered.add(op);
    }
    status.setRsyncOperations(ordered);
    return byKey;
  }

  private static PodProgress podProgress(String name, PvcToMigrate claim, String message) {
    PodProgress pod = new PodProgress();
    pod.setName(name);
    pod.setNamespace(claim.getNamespace());
    ObjectReference ref = new ObjectReference();
    ref.setName(claim.getName());
    ref.setNamespace(claim.getNamespace());
    pod.setPvcRef(ref);
    pod.setMessage(message);
    return pod;
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

  private static Optional<Path> directory(KubernetesClient client, PersistentVolumeClaim claim) {
    String volume = claim.getSpec() == null ? null : claim.getSpec().getVolumeName();
    if (volume == null) {
      return Optional.empty();
    }
    PersistentVolume pv = client.persistentVolumes().withName(volume).get();
    return LocalVolumeDirectory.of(pv);
  }

  /**
   * A claim of a {@code WaitForFirstConsumer} storage class binds only when a pod uses it: the
   * receiver pod will, so there is nothing to wait for (and its volume is not local yet).
   */
  private static boolean bindsOnFirstPod(KubernetesClient client, PersistentVolumeClaim claim) {
    String storageClass = claim.getSpec() == null ? null : claim.getSpec().getStorageClassName();
    if (storageClass == null || storageClass.isEmpty()) {
      return false;
    }
    var found = client.storage().v1().storageClasses().withName(storageClass).get();
    return found != null && "WaitForFirstConsumer".equals(found.getVolumeBindingMode());
  }

  private static boolean bound(PersistentVolumeClaim claim) {
    return claim.getStatus() != null && "Bound".equals(claim.getStatus().getPhase());
  }

  /** The labels of the DVM that mark migrated objects (plan, migration), copied onto what it creates. */
  private static Map<String, String> markers(DirectVolumeMigration dvm) {
    Map<String, String> markers = new HashMap<>();
    Map<String, String> labels = dvm.getMetadata().getLabels() == null ? Map.of() : dvm.getMetadata().getLabels();
    labels.forEach((k, v) -> {
      if (k.startsWith("migration.openshift.io/migrated-by-")) {
        markers.put(k, v);
      }
    });
    return markers;
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
    java.util.function.Supplier<PodRepository> pods = () -> {
      try {
        return PodRepository.of(new MigStorageLocations(host).location(migStorage));
      } catch (InvalidMigStorageException e) {
        throw new PodRepository.UnreachableException(e.getMessage());
      }
    };
    return Optional.of(new RepositoryTarget(() -> storage.apply(migStorage), plan == null ? "none" : plan,
        dvm.getMetadata().getNamespace() + "/" + name, pods));
  }

  /** The replication repository of an indirect copy; snapshots are tagged with the plan and the claim. */
  private record RepositoryTarget(java.util.function.Supplier<ObjectStore> opener, String plan, String location,
                                  java.util.function.Supplier<PodRepository> pods) {
    VolumeTransfer.Repository forClaim(PvcToMigrate claim) {
      return new VolumeTransfer.Repository(opener, "volumes", Map.of("plan", plan, "pvc",
          ClaimsToCopy.sourceKey(claim)), location, pods);
    }
  }

  private static UpdateControl<DirectVolumeMigration> patch(DirectVolumeMigration dvm) {
    dvm.getMetadata().setResourceVersion(null);
    return UpdateControl.patchStatus(dvm);
  }

  /** The DVM cannot be carried out as specified; the message says what to change. */
  static final class InvalidTransferException extends RuntimeException {
    InvalidTransferException(String message) {
      super(message);
    }
  }
}
