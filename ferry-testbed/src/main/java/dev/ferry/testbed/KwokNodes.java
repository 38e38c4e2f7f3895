package dev.ferry.testbed;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/** Fake nodes for KWOK: real Node objects whose status KWOK keeps Ready. */
final class KwokNodes {
  static final String ANNOTATION = "kwok.x-k8s.io/node";

  private KwokNodes() {
  }

  static void create(KubernetesClient client, int count) {
    for (int i = 0; i < count; i++) {
      String name = "kwok-node-" + i;
      Map<String, Quantity> capacity = Map.of("cpu", new Quantity("32"), "memory", new Quantity("256Gi"),
          "pods", new Quantity("250"), "ephemeral-storage", new Quantity("1Ti"));
      client.nodes().resource(new NodeBuilder()
          .withNewMetadata().withName(name)
          .addToAnnotations(ANNOTATION, "fake")
          .addToAnnotations("node.alpha.kubernetes.io/ttl", "0")
          .addToLabels("type", "kwok")
          .addToLabels("kubernetes.io/hostname", name)
          .addToLabels("kubernetes.io/os", "linux")
          .addToLabels("kubernetes.io/arch", "amd64")
          .endMetadata()
          .withNewStatus().withAllocatable(capacity).withCapacity(capacity).endStatus()
          .build()).serverSideApply();
    }
  }
}
