package dev.ferry.cli;

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
 * workload replicas, claims with their bound volume, and the files of each hostPath volume.
 */
record AppSnapshot(String namespace, boolean exists, Map<String, Integer> counts, Map<String, String> replicas,
                   List<Claim> claims) {

  /** A claim, its phase and volume, and what its volume directory holds (null: not a local directory). */
  record Claim(String name, String phase, String volume, Path directory, VolumeTree data) {
  }

  static AppSnapshot take(KubernetesClient client, String namespace) {
    if (client.namespaces().withName(namespace).get() == null) {
      return new AppSnapshot(namespace, false, Map.of(), Map.of(), List.of());
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

    List<Claim> claims = new ArrayList<>();
    for (PersistentVolumeClaim claim : client.persistentVolumeClaims().inNamespace(namespace).list().getItems()) {
      String volume = claim.getSpec().getVolumeName();
      PersistentVolume pv = volume == null || volume.isEmpty() ? null : client.persistentVolumes().withName(volume).get();
      Path directory = pv == null || pv.getSpec().getHostPath() == null ? null : Path.of(pv.getSpec().getHostPath().getPath());
      claims.add(new Claim(claim.getMetadata().getName(), claim.getStatus() == null ? "" : claim.getStatus().getPhase(),
          volume == null ? "" : volume, directory, directory == null ? null : VolumeTree.of(directory)));
    }
    return new AppSnapshot(namespace, true, counts, replicas, claims);
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
