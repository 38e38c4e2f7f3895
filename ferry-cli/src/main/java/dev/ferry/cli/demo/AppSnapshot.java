package dev.ferry.cli.demo;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the demo finds of its application in one namespace of one cluster: object counts by kind,
 * workload replicas, claims with their bound volume, the files of each hostPath volume, and the
 * workloads' images with the digest the cluster's registry serves for those in it.
 */
public record AppSnapshot(String namespace, boolean exists, Map<String, Integer> counts, Map<String, String> replicas,
                   List<Claim> claims, String registry, List<Image> images) {

  AppSnapshot(String namespace, boolean exists, Map<String, Integer> counts, Map<String, String> replicas,
              List<Claim> claims) {
    this(namespace, exists, counts, replicas, claims, null, List.of());
  }

  /** A claim, its phase and volume, and what its volume directory holds (null: not a local directory). */
  record Claim(String name, String phase, String volume, Path directory, VolumeTree data) {
  }

  /**
   * A container's image: {@code workload} is e.g. {@code deployment/shop}; {@code served} the digest
   * the cluster's registry serves for the reference (null: not an image of that registry, or the
   * registry does not have it).
   */
  record Image(String workload, String reference, String served) {
  }

  /** {@code registry}: the cluster's registry (its exposedRegistryPath), null for none. */
  static AppSnapshot take(KubernetesClient client, String namespace, String registry) {
    if (client.namespaces().withName(namespace).get() == null) {
      return new AppSnapshot(namespace, false, Map.of(), Map.of(), List.of(), registry, List.of());
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("Deployment", client.apps().deployments().inNamespace(namespace).list().getItems().size());
    counts.put("StatefulSet", client.apps().statefulSets().inNamespace(namespace).list().getItems().size());
    counts.put("Service", client.services().inNamespace(namespace).list().getItems().size());
    // kube-root-ca.crt is made by every cluster in every namespace: not the application's.
    counts.put("ConfigMap", (int) client.configMaps().inNamespace(namespace).list().getItems().stream()
        .filter(c -> !"kube-root-ca.crt".equals(c.getMetadata().getName())).count());
    counts.put("Secret", client.secrets().inNamespace(namespace).list().getItems().size());
    counts.put("PersistentVolumeClaim", client.persistentVolumeClaims().inNamespace(namespace).list().getItems().size());
    counts.put(DemoApplication.CR_KIND + " (" + DemoApplication.CR_GROUP + ")", shops(client, namespace).size());
    counts.put("Pod (Running)", (int) client.pods().inNamespace(namespace).list().getItems().stream()
        .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase())).count());

    Map<String, String> replicas = new LinkedHashMap<>();
    client.apps().deployments().inNamespace(namespace).list().getItems().forEach(d -> replicas.put(
        "deployment/" + d.getMetadata().getName(), d.getSpec().getReplicas() + " (ready " + nullToZero(
            d.getStatus() == null ? null : d.getStatus().getReadyReplicas()) + ")"));
    client.apps().statefulSets().inNamespace(namespace).list().getItems().forEach(s -> replicas.put(
        "statefulset/" + s.getMetadata().getName(), s.getSpec().getReplicas() + " (ready " + nullToZero(
            s.getStatus() == null ? null : s.getStatus().getReadyReplicas()) + ")"));

    List<Image> images = new ArrayList<>();
    client.apps().deployments().inNamespace(namespace).list().getItems().forEach(d -> d.getSpec().getTemplate()
        .getSpec().getContainers().forEach(c -> images.add(image(registry, "deployment/" + d.getMetadata().getName(),
            c.getImage()))));
    client.apps().statefulSets().inNamespace(namespace).list().getItems().forEach(s -> s.getSpec().getTemplate()
        .getSpec().getContainers().forEach(c -> images.add(image(registry, "statefulset/" + s.getMetadata().getName(),
            c.getImage()))));

    List<Claim> claims = new ArrayList<>();
    for (PersistentVolumeClaim claim : client.persistentVolumeClaims().inNamespace(namespace).list().getItems()) {
      String volume = claim.getSpec().getVolumeName();
      PersistentVolume pv = volume == null || volume.isEmpty() ? null : client.persistentVolumes().withName(volume).get();
      Path directory = pv == null || pv.getSpec().getHostPath() == null ? null : Path.of(pv.getSpec().getHostPath().getPath());
      claims.add(new Claim(claim.getMetadata().getName(), claim.getStatus() == null ? "" : claim.getStatus().getPhase(),
          volume == null ? "" : volume, directory, directory == null ? null : VolumeTree.of(directory)));
    }
    return new AppSnapshot(namespace, true, counts, replicas, claims, registry, images);
  }

  private static Image image(String registry, String workload, String reference) {
    return new Image(workload, reference, DemoImage.servedDigest(registry, reference).orElse(null));
  }

  static List<GenericKubernetesResource> shops(KubernetesClient client, String namespace) {
    try {
      return client.genericKubernetesResources(new ResourceDefinitionContext.Builder()
          .withGroup(DemoApplication.CR_GROUP).withVersion("v1").withPlural(DemoApplication.CR_PLURAL)
          .withKind(DemoApplication.CR_KIND).withNamespaced(true).build()).inNamespace(namespace).list().getItems();
    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
      if (e.getCode() == 404) {
        return List.of(); // the cluster has no such CRD: no shops
      }
      throw e;
    }
  }

  private static int nullToZero(Integer value) {
    return value == null ? 0 : value;
  }
}
