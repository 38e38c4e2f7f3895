package dev.ferry.backup.restore.transform;

import static dev.ferry.backup.restore.transform.TransformTesting.json;
import static dev.ferry.backup.restore.transform.TransformTesting.transformed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageReferenceRewriteTest {

  private static final String SRC = "image-registry.openshift-image-registry.svc:5000";
  private static final String DEST = "default-route-openshift-image-registry.apps.dest.example.com";
  private static final String DIGEST =
      "sha256:4bf5e2b4c1a9f3e6d7c8b9a0f1e2d3c4b5a6978877665544332211aabbccddee";

  private static final TransformContext CONTEXT = new TransformContext(
      Map.of("shop", "shop-prod"), SRC, DEST, false, Set.of(), false);

  private final ImageReferenceRewrite transform = new ImageReferenceRewrite();

  @Test
  void rewritesDeploymentContainersWithMappedNamespace() {
    ObjectNode deployment = json("""
        {
          "apiVersion": "apps/v1", "kind": "Deployment",
          "metadata": {"name": "web", "namespace": "shop"},
          "spec": {"template": {"spec": {
            "initContainers": [{"name": "migrate", "image": "%1$s/shop/migrate@%3$s"}],
            "containers": [
              {"name": "web", "image": "%1$s/shop/web:1.4"},
              {"name": "cache", "image": "%1$s/common/redis:7"},
              {"name": "proxy", "image": "quay.io/shop/proxy:2"}
            ]
          }}}
        }
        """.formatted(SRC, DEST, DIGEST));

    ObjectNode result = transformed(transform, "deployments.apps", deployment, CONTEXT);

    ObjectNode spec = (ObjectNode) result.path("spec").path("template").path("spec");
    assertThat(spec.path("initContainers").get(0).path("image").asText())
        .isEqualTo(DEST + "/shop-prod/migrate@" + DIGEST);
    assertThat(spec.path("containers").get(0).path("image").asText())
        .isEqualTo(DEST + "/shop-prod/web:1.4");
    assertThat(spec.path("containers").get(1).path("image").asText())
        .isEqualTo(DEST + "/common/redis:7");
    assertThat(spec.path("containers").get(2).path("image").asText())
        .isEqualTo("quay.io/shop/proxy:2");
  }

  @Test
  void rewritesPodsCronJobsAndDeploymentConfigs() {
    ObjectNode pod = json("""
        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "shop"},
         "spec": {"containers": [{"name": "c", "image": "%s/shop/tool:1"}],
                  "ephemeralContainers": [{"name": "debug", "image": "%s/shop/debug:1"}]}}
        """.formatted(SRC, SRC));
    ObjectNode podResult = transformed(transform, "pods", pod, CONTEXT);
    assertThat(podResult.path("spec").path("containers").get(0).path("image").asText())
        .isEqualTo(DEST + "/shop-prod/tool:1");
    assertThat(podResult.path("spec").path("ephemeralContainers").get(0).path("image").asText())
        .isEqualTo(DEST + "/shop-prod/debug:1");

    ObjectNode cronJob = json("""
        {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "n", "namespace": "shop"},
         "spec": {"schedule": "0 2 * * *", "jobTemplate": {"spec": {"template": {"spec": {
           "containers": [{"name": "c", "image": "%s/shop/nightly:3"}]}}}}}}
        """.formatted(SRC));
    assertThat(transformed(transform, "cronjobs.batch", cronJob, CONTEXT)
        .at("/spec/jobTemplate/spec/template/spec/containers/0/image").asText())
        .isEqualTo(DEST + "/shop-prod/nightly:3");

    ObjectNode dc = json("""
        {"apiVersion": "apps.openshift.io/v1", "kind": "DeploymentConfig",
         "metadata": {"name": "web", "namespace": "shop"},
         "spec": {"template": {"spec": {"containers": [{"name": "web",
                    "image": "%1$s/shop/web@%2$s"}]}},
                  "triggers": [{"type": "ImageChange", "imageChangeParams": {
                    "from": {"kind": "ImageStreamTag", "name": "web:latest"},
                    "lastTriggeredImage": "%1$s/shop/web@%2$s"}}]}}
        """.formatted(SRC, DIGEST));
    ObjectNode dcResult = transformed(transform, "deploymentconfigs.apps.openshift.io", dc,
        CONTEXT);
    assertThat(dcResult.at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo(DEST + "/shop-prod/web@" + DIGEST);
    assertThat(dcResult.at("/spec/triggers/0/imageChangeParams/lastTriggeredImage").asText())
        .isEqualTo(DEST + "/shop-prod/web@" + DIGEST);
  }

  @Test
  void rewritesImageStreamDockerImageTagsOnly() {
    ObjectNode stream = json("""
        {"apiVersion": "image.openshift.io/v1", "kind": "ImageStream",
         "metadata": {"name": "web", "namespace": "shop"},
         "spec": {"lookupPolicy": {"local": false}, "tags": [
           {"name": "1.4", "from": {"kind": "DockerImage", "name": "%1$s/shop/web@%2$s"}},
           {"name": "latest", "from": {"kind": "ImageStreamTag", "name": "web:1.4"}},
           {"name": "upstream", "from": {"kind": "DockerImage", "name": "docker.io/library/nginx:1"}}
         ]}}
        """.formatted(SRC, DIGEST));
    ObjectNode result = transformed(transform, "imagestreams.image.openshift.io", stream, CONTEXT);
    assertThat(result.at("/spec/tags/0/from/name").asText())
        .isEqualTo(DEST + "/shop-prod/web@" + DIGEST);
    assertThat(result.at("/spec/tags/1/from/name").asText()).isEqualTo("web:1.4");
    assertThat(result.at("/spec/tags/2/from/name").asText()).isEqualTo("docker.io/library/nginx:1");
  }

  @Test
  void doesNothingWithoutRegistriesOrForLookalikeHosts() {
    ObjectNode deployment = json("""
        {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "w", "namespace": "shop"},
         "spec": {"template": {"spec": {"containers": [
           {"name": "a", "image": "%s/shop/web:1"},
           {"name": "b", "image": "%s-mirror/shop/web:1"}]}}}}
        """.formatted(SRC, SRC));
    assertThat(transform.apply(TransformTesting.key("deployments.apps", deployment), deployment,
        TransformContext.withNamespaceMapping(Map.of("shop", "x"))).isNoChange()).isTrue();

    ObjectNode result = transformed(transform, "deployments.apps", deployment, CONTEXT);
    assertThat(result.at("/spec/template/spec/containers/1/image").asText())
        .isEqualTo(SRC + "-mirror/shop/web:1");
  }

  @Test
  void rewriterHandlesTrailingSlashesAndNoNamespaceSegment() {
    ImageReferenceRewrite.Rewriter rewriter = ImageReferenceRewrite.Rewriter.of(
        new TransformContext(Map.of(), "reg.src:5000/", "reg.dest ", false, Set.of(), false));
    assertThat(rewriter.rewrite("reg.src:5000/tool:1")).isEqualTo("reg.dest/tool:1");
    assertThat(rewriter.rewrite("reg.src:5000/ns/tool:1")).isEqualTo("reg.dest/ns/tool:1");
    assertThat(rewriter.rewrite("reg.src:50001/ns/tool:1")).isNull();
  }
}
