package dev.ferry.controller.volumes;

import dev.ferry.api.migration.volumes.PvcToMigrate;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the claims the data is copied into, before the copy (as MTC's DirectVolumeMigration
 * does): a copy of the source claim without its binding, with the selected storage class, access
 * modes and the source's capacity, marked with {@code labels} so a rollback deletes it. A claim
 * that already exists (an earlier stage, a restarted controller) is used as it is.
 */
public final class DestinationClaims {
  /** Set on namespaces and claims this copy created: the restore then leaves them alone. */
  public static final String CREATED_FOR_COPY = "migration.ferry.dev/created-for-volume-copy";
  private static final List<String> BIND_ANNOTATIONS = List.of("pv.kubernetes.io/bind-completed",
      "pv.kubernetes.io/bound-by-controller", "volume.beta.kubernetes.io/storage-provisioner",
      "volume.kubernetes.io/storage-provisioner", "volume.kubernetes.io/selected-node");

  private final KubernetesClient destination;
  private final Map<String, String> labels;

  public DestinationClaims(KubernetesClient destination, Map<String, String> labels) {
    this.destination = destination;
    this.labels = labels;
  }

  /**
   * Creates the destination namespace when missing, marked like the claims, with the source
   * namespace's labels and annotations — its node selector especially: without it the transfer
   * pods may land on nodes the namespace's workloads may not use (MTC's troubleshooting guide:
   * DVM does not complete).
   */
  public void ensureNamespace(String namespace, Namespace sourceNamespace) {
    if (destination.namespaces().withName(namespace).get() != null) {
      return;
    }
    // The source namespace's labels and annotations (its node selector included), as the restore
    // would have created it, since the restore leaves a namespace created here alone.
    Map<String, String> annotations = new HashMap<>();
    Map<String, String> namespaceLabels = new HashMap<>();
    if (sourceNamespace != null) {
      if (sourceNamespace.getMetadata().getAnnotations() != null) {
        annotations.putAll(sourceNamespace.getMetadata().getAnnotations());
      }
      if (sourceNamespace.getMetadata().getLabels() != null) {
        namespaceLabels.putAll(sourceNamespace.getMetadata().getLabels());
      }
    }
    namespaceLabels.remove("kubernetes.io/metadata.name");
    namespaceLabels.putAll(labels);
    annotations.put(CREATED_FOR_COPY, "true");
    try {
      destination.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
          .withLabels(namespaceLabels).withAnnotations(annotations).endMetadata().build()).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
  }

  /** The destination claim of {@code claim}, created from {@code source} when missing. */
  public PersistentVolumeClaim ensure(PvcToMigrate claim, PersistentVolumeClaim source) {
    String namespace = ClaimsToCopy.targetNamespace(claim);
    String name = ClaimsToCopy.targetName(claim);
    PersistentVolumeClaim existing = destination.persistentVolumeClaims().inNamespace(namespace).withName(name).get();
    if (existing != null) {
      return existing;
    }
    try {
      return destination.persistentVolumeClaims().inNamespace(namespace).resource(desired(claim, source)).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
      return destination.persistentVolumeClaims().inNamespace(namespace).withName(name).get();
    }
  }

  PersistentVolumeClaim desired(PvcToMigrate claim, PersistentVolumeClaim source) {
    ObjectMeta from = source.getMetadata();
    Map<String, String> annotations = new HashMap<>(from.getAnnotations() == null ? Map.of() : from.getAnnotations());
    BIND_ANNOTATIONS.forEach(annotations::remove);
    annotations.put(CREATED_FOR_COPY, "true");
    Map<String, String> allLabels = new HashMap<>(from.getLabels() == null ? Map.of() : from.getLabels());
    allLabels.putAll(labels);
    var spec = source.getSpec();
    var builder = new PersistentVolumeClaimBuilder()
        .withNewMetadata().withName(ClaimsToCopy.targetName(claim)).withNamespace(ClaimsToCopy.targetNamespace(claim))
        .withLabels(allLabels).withAnnotations(annotations).endMetadata()
        .withNewSpec()
        .withAccessModes(claim.getTargetAccessModes() != null ? claim.getTargetAccessModes() : spec.getAccessModes())
        .withStorageClassName(claim.getTargetStorageClass() != null ? claim.getTargetStorageClass()
            : spec.getStorageClassName())
        .withVolumeMode(claim.getTargetVolumeMode() != null ? claim.getTargetVolumeMode() : spec.getVolumeMode())
        .withResources(spec.getResources())
        .endSpec();
    // The source volume's actual capacity, so the copy fits even if the request was smaller.
    if (source.getStatus() != null && source.getStatus().getCapacity() != null
        && source.getStatus().getCapacity().get("storage") != null) {
      builder.editSpec().editOrNewResources()
          .addToRequests("storage", source.getStatus().getCapacity().get("storage")).endResources().endSpec();
    }
    return builder.build();
  }
}
