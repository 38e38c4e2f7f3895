package dev.ferry.controller.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.controller.FerryOperator;
import dev.ferry.images.RegistryClient;
import dev.ferry.images.RegistryEndpoint;
import dev.ferry.testbed.LocalCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * Image streams as OpenShift's registry records them, for the image migration tests (their
 * MigClusters come from {@link dev.ferry.testsupport.PlanFixture#declareClustersWithRegistries}).
 */
final class ImageFixture {
  static final String NS = FerryOperator.DEFAULT_NAMESPACE;

  private ImageFixture() {
  }

  /**
   * Namespace {@code app} with a fresh image pushed to {@code registry/<app>/web:v1}, recorded in
   * image stream {@code web}; returns the image's digest.
   */
  static String namespaceWithImage(KubernetesClient host, String registry, String app) {
    host.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(app).endMetadata().build()).create();
    String digest = RegistryImages.push(registry, app + "/web", "v1");
    imageStream(host, registry, app, "web", "v1", digest);
    return digest;
  }

  /**
   * Deployment {@code web} whose first container runs that image by digest; {@code moreContainers}:
   * more items of the containers list, as YAML lines at the list's indentation (may be empty).
   */
  static String webDeployment(String app, String registry, String digest, String moreContainers) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: %1$s}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - {name: web, image: "%2$s/%1$s/web@%3$s"}
        %4$s""".formatted(app, registry, digest, moreContainers.indent(6));
  }

  /** The restored Deployment runs the image from the destination's registry, where it is, same digest. */
  static Deployment assertImageMoved(LocalCluster destination, String appDest, String digest) {
    String registry = destination.registry().orElseThrow().hostPort();
    Deployment restored = destination.client().apps().deployments().inNamespace(appDest).withName("web").get();
    assertThat(restored.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo(registry + "/" + appDest + "/web@" + digest);
    assertThat(new RegistryClient(RegistryEndpoint.anonymous(registry)).manifestDigest(appDest + "/web", digest))
        .hasValue(digest);
    return restored;
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
}
