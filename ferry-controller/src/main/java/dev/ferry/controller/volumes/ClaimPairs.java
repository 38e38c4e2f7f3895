package dev.ferry.controller.volumes;

import dev.ferry.api.migration.volumes.PvcToMigrate;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each claim of a DVM with its destination twin, created (with its namespace) if missing.
 * Ensuring is idempotent, so every reconcile does it again before any data moves.
 *
 * @param unbound destination claims ({@code ns/name}) still waiting to be bound
 */
record ClaimPairs(Map<String, PersistentVolumeClaim> sources, Map<String, PersistentVolumeClaim> targets,
                  List<String> unbound) {

  static ClaimPairs ensure(VolumeMigrationContext context) {
    KubernetesClient source = context.source();
    KubernetesClient destination = context.destination();
    DestinationClaims destinationClaims = new DestinationClaims(destination, context.markers());
    Map<String, PersistentVolumeClaim> sourceClaims = new LinkedHashMap<>();
    Map<String, PersistentVolumeClaim> targetClaims = new LinkedHashMap<>();
    List<String> unbound = new ArrayList<>();
    for (PvcToMigrate claim : context.claims()) {
      String key = ClaimsToCopy.sourceKey(claim);
      PersistentVolumeClaim sourceClaim = source.persistentVolumeClaims().inNamespace(claim.getNamespace())
          .withName(claim.getName()).get();
      if (sourceClaim == null) {
        throw new InvalidTransferException("The source claim " + key + " does not exist; remove it from the plan's "
            + "persistentVolumes or restore it on the source");
      }
      if (block(sourceClaim) || BLOCK.equals(claim.getTargetVolumeMode())) {
        // Before a destination claim exists: nothing is created for a copy that cannot run.
        throw new InvalidTransferException("The claim " + key + " is a raw block volume (volumeMode: Block), and "
            + "Ferry's movers copy filesystem volumes only; set its selection's action to skip in the MigPlan "
            + "(the restore then creates an empty claim) and copy the device with the storage's own tools");
      }
      String targetNamespace = ClaimsToCopy.targetNamespace(claim);
      if (Boolean.TRUE.equals(context.dvm().getSpec().getCreateDestinationNamespaces())) {
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
    return new ClaimPairs(sourceClaims, targetClaims, unbound);
  }

  /** Where each claim's volumes are on this machine, if they are: decides the launcher. */
  List<LauncherChoice.Located> locate(VolumeMigrationContext context) {
    List<LauncherChoice.Located> located = new ArrayList<>();
    for (PvcToMigrate claim : context.claims()) {
      String key = ClaimsToCopy.sourceKey(claim);
      located.add(new LauncherChoice.Located(key, directory(context.source(), sources.get(key)),
          directory(context.destination(), targets.get(key))));
    }
    return located;
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

  private static final String BLOCK = "Block";

  static boolean block(PersistentVolumeClaim claim) {
    return claim.getSpec() != null && BLOCK.equals(claim.getSpec().getVolumeMode());
  }

  private static boolean bound(PersistentVolumeClaim claim) {
    return claim.getStatus() != null && "Bound".equals(claim.getStatus().getPhase());
  }
}
