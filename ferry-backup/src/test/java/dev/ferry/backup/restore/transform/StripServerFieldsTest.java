package dev.ferry.backup.restore.transform;

import static dev.ferry.backup.restore.transform.TransformTesting.json;
import static dev.ferry.backup.restore.transform.TransformTesting.transformed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.model.GroupResource;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StripServerFieldsTest {

  private static final String DEPLOYMENT = """
      {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {
          "name": "web",
          "namespace": "shop",
          "uid": "0f5c1b2a-7e1d-4a51-9d49-3b9f0c1e2d3f",
          "resourceVersion": "48213",
          "generation": 3,
          "creationTimestamp": "2024-05-01T10:00:00Z",
          "selfLink": "/apis/apps/v1/namespaces/shop/deployments/web",
          "deletionTimestamp": "2024-05-02T10:00:00Z",
          "deletionGracePeriodSeconds": 0,
          "labels": {"app": "web"},
          "annotations": {"deployment.kubernetes.io/revision": "3"},
          "ownerReferences": [{"apiVersion": "example.com/v1", "kind": "WebApp", "name": "web",
                               "uid": "aaaa", "controller": true}],
          "managedFields": [{"manager": "kubectl", "operation": "Apply",
                             "apiVersion": "apps/v1", "fieldsType": "FieldsV1"}]
        },
        "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}}},
        "status": {"replicas": 2, "readyReplicas": 2, "observedGeneration": 3}
      }
      """;

  private final StripServerFields transform = new StripServerFields();

  @Test
  void removesServerAssignedMetadataOwnersAndStatus() {
    ObjectNode result = transformed(transform, "deployments.apps", json(DEPLOYMENT),
        TransformContext.defaults());

    assertThat(result).isEqualTo(json("""
        {
          "apiVersion": "apps/v1",
          "kind": "Deployment",
          "metadata": {
            "name": "web",
            "namespace": "shop",
            "labels": {"app": "web"},
            "annotations": {"deployment.kubernetes.io/revision": "3"}
          },
          "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}}}
        }
        """));
  }

  @Test
  void keepsStatusWhenAskedForEverything() {
    TransformContext context = new TransformContext(Map.of(), null, null, true, Set.of(), false);
    ObjectNode result = transformed(transform, "deployments.apps", json(DEPLOYMENT), context);
    assertThat(result.path("status").path("readyReplicas").asInt()).isEqualTo(2);
    assertThat(result.path("metadata").has("uid")).isFalse();
  }

  @Test
  void keepsStatusOfSelectedResourcesOnly() {
    TransformContext context = new TransformContext(Map.of(), null, null, false,
        Set.of(GroupResource.parse("widgets.example.com")), false);
    ObjectNode widget = json("""
        {"apiVersion": "example.com/v1", "kind": "Widget",
         "metadata": {"name": "w", "namespace": "shop", "uid": "u"},
         "status": {"phase": "Ready"}}
        """);
    assertThat(transformed(transform, "widgets.example.com", widget, context).path("status")
        .path("phase").asText()).isEqualTo("Ready");
    assertThat(transformed(transform, "deployments.apps", json(DEPLOYMENT), context).has("status"))
        .isFalse();
  }

  @Test
  void cleanObjectIsUnchanged() {
    ObjectNode configMap = json("""
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"a": "b"}}
        """);
    TransformResult result = transform.apply(TransformTesting.key("configmaps", configMap),
        configMap, TransformContext.defaults());
    assertThat(result.isNoChange()).isTrue();
  }
}
