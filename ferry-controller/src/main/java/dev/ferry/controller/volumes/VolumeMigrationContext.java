package dev.ferry.controller.volumes;

import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.api.migration.volumes.PvcToMigrate;
import dev.ferry.objectstore.ObjectStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything a phase of one DirectVolumeMigration may use: the DVM, the clients of the host and
 * of both clusters (resolved once by the reconciler), the repository of an indirect copy, and the
 * launchers' collaborators.
 */
final class VolumeMigrationContext {
  private final DirectVolumeMigration dvm;
  private final KubernetesClient host;
  private final KubernetesClient source;
  private final KubernetesClient destination;
  private final Optional<RepositoryTarget> repository;
  private final VolumeMover mover;
  private final InProcessVolumeLauncher inProcess;
  private final ProgressReports reports;
  private final Clock clock;
  private ClaimPairs pairs;

  VolumeMigrationContext(DirectVolumeMigration dvm, KubernetesClient host, KubernetesClient source,
                         KubernetesClient destination, Optional<RepositoryTarget> repository, VolumeMover mover,
                         InProcessVolumeLauncher inProcess, ProgressReports reports, Clock clock) {
    this.dvm = dvm;
    this.host = host;
    this.source = source;
    this.destination = destination;
    this.repository = repository;
    this.mover = mover;
    this.inProcess = inProcess;
    this.reports = reports;
    this.clock = clock;
  }

  DirectVolumeMigration dvm() {
    return dvm;
  }

  KubernetesClient host() {
    return host;
  }

  KubernetesClient source() {
    return source;
  }

  KubernetesClient destination() {
    return destination;
  }

  Optional<RepositoryTarget> repository() {
    return repository;
  }

  VolumeMover mover() {
    return mover;
  }

  InProcessVolumeLauncher inProcess() {
    return inProcess;
  }

  ProgressReports reports() {
    return reports;
  }

  Clock clock() {
    return clock;
  }

  List<PvcToMigrate> claims() {
    return dvm.getSpec().getPersistentVolumeClaims() == null ? List.of() : dvm.getSpec().getPersistentVolumeClaims();
  }

  /** The claim pairs, ensured once per reconcile (whichever phase asks first). */
  ClaimPairs claimPairs() {
    if (pairs == null) {
      pairs = ClaimPairs.ensure(this);
    }
    return pairs;
  }

  /** The labels of the DVM that mark migrated objects (plan, migration), copied onto what it creates. */
  Map<String, String> markers() {
    return markers(dvm);
  }

  static Map<String, String> markers(DirectVolumeMigration dvm) {
    Map<String, String> markers = new HashMap<>();
    Map<String, String> labels = dvm.getMetadata().getLabels() == null ? Map.of() : dvm.getMetadata().getLabels();
    labels.forEach((k, v) -> {
      if (k.startsWith("migration.openshift.io/migrated-by-")) {
        markers.put(k, v);
      }
    });
    return markers;
  }

  /** The replication repository of an indirect copy; snapshots are tagged with the plan and the claim. */
  record RepositoryTarget(Supplier<ObjectStore> opener, String plan, String location, Supplier<PodRepository> pods) {
    VolumeTransfer.Repository forClaim(PvcToMigrate claim) {
      return new VolumeTransfer.Repository(opener, "volumes", Map.of("plan", plan, "pvc",
          ClaimsToCopy.sourceKey(claim)), location, pods);
    }
  }
}
