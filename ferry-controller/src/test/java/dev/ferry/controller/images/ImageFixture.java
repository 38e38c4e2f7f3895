package dev.ferry.controller.images;

import dev.ferry.controller.FerryOperator;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.RemoteAccess;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Declares on the host (source) cluster the MigClusters of an image migration test, each with its
 * testbed registry as exposedRegistryPath, and creates image streams as OpenShift's registry would.
 */
final class ImageFixture {
  static final String NS = FerryOperator.DEFAULT_NAMESPACE;

  private ImageFixture() {
  }

  /** {@code host-<s>} (the source, host cluster) and {@code dest-<s>} (remote) MigClusters. */
  static void declareClusters(KubernetesClient host, LocalCluster source, LocalCluster destination, String s) {
    String token = RemoteAccess.clusterAdminToken(destination.client());
    host.resource(new SecretBuilder().withNewMetadata().withName("dest-" + s).withNamespace(NS).endMetadata()
        .addToStringData(ClusterClients.TOKEN_KEY, token).build()).create();
    String ca = Base64.getEncoder().encodeToString(destination.caPem().getBytes(StandardCharsets.UTF_8));
    apply(host, """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigCluster
        metadata: {name: host-%1$s, namespace: %2$s}
        spec: {isHostCluster: true, exposedRegistryPath: "%3$s"}
        ---
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigCluster
        metadata: {name: dest-%1$s, namespace: %2$s}
        spec:
          isHostCluster: false
          url: %4$s
          caBundle: %5$s
          exposedRegistryPath: "%6$s"
          serviceAccountSecretRef: {name: dest-%1$s, namespace: %2$s}
        """.formatted(s, NS, source.registry().orElseThrow().hostPort(), destination.url(), ca,
        destination.registry().orElseThrow().hostPort()));
  }

  /**
   * An image stream whose tag {@code tag} has the history {@code digests} (newest first), all in
   * {@code registry/namespace/name} — what OpenShift records after pushes.
   */
  static void imageStream(KubernetesClient client, String registry, String namespace, String name, String tag,
      String... digests) {
    StringBuilder items = new StringBuilder();
    int generation = digests.length;
    for (String digest : digests) {
      items.append("""
                - created: "2026-01-01T00:00:00Z"
                  dockerImageReference: %s/%s/%s@%s
                  image: %s
                  generation: %d
          """.formatted(registry, namespace, name, digest, digest, generation--));
    }
    GenericKubernetesResource stream = Serialization.unmarshal("""
        apiVersion: image.openshift.io/v1
        kind: ImageStream
        metadata: {name: %s, namespace: %s, labels: {app: shop}}
        spec:
          lookupPolicy: {local: false}
        """.formatted(name, namespace), GenericKubernetesResource.class);
    var op = client.genericKubernetesResources(ImageStreamMigrator.IMAGE_STREAMS).inNamespace(namespace);
    GenericKubernetesResource created = op.resource(stream).create();
    GenericKubernetesResource withStatus = Serialization.unmarshal("""
        status:
          dockerImageRepository: %s/%s/%s
          tags:
          - tag: %s
            items:
        %s""".formatted(registry, namespace, name, tag, items), GenericKubernetesResource.class);
    created.setAdditionalProperty("status", withStatus.getAdditionalProperties().get("status"));
    op.resource(created).updateStatus();
  }

  static void apply(KubernetesClient client, String manifests) {
    for (String doc : manifests.split("(?m)^---$")) {
      if (!doc.isBlank()) {
        client.resource((HasMetadata) Serialization.unmarshal(doc)).create();
      }
    }
  }
}
