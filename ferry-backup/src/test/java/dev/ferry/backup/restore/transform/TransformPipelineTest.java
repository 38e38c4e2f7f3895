package dev.ferry.backup.restore.transform;

import static dev.ferry.backup.restore.transform.TransformTesting.json;
import static dev.ferry.backup.restore.transform.TransformTesting.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.model.ItemKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransformPipelineTest {

  private static final TransformContext CONTEXT = new TransformContext(
      Map.of("shop", "shop-prod"), "registry.src:5000", "registry.dest", false, Set.of(), false);

  @Test
  void defaultsListEveryTransformInOrder() {
    assertThat(TransformPipeline.defaults().transforms()).extracting(RestoreTransform::name)
        .containsExactly("DropExcluded", "PodCleanup", "JobCleanup", "ServiceCleanup",
            "StripServerFields", "PersistentVolumeReclaim", "ClaimBindingReset", "ImageReferenceRewrite",
            "NamespaceMapping");
  }

  @Test
  void defaultsTransformAStandalonePodEndToEnd() {
    ObjectNode pod = json("""
        {
          "apiVersion": "v1", "kind": "Pod",
          "metadata": {"name": "debug", "namespace": "shop", "uid": "u-1",
                       "resourceVersion": "99", "creationTimestamp": "2024-05-01T10:00:00Z"},
          "spec": {"nodeName": "worker-1",
                   "containers": [{"name": "c", "image": "registry.src:5000/shop/debug:1"}]},
          "status": {"phase": "Running", "podIP": "10.128.0.7"}
        }
        """);
    ObjectNode original = pod.deepCopy();

    TransformPipeline.Outcome outcome = TransformPipeline.defaults()
        .apply(key("pods", pod), pod, CONTEXT);

    assertThat(outcome.dropped()).isFalse();
    assertThat(outcome.result()).isEqualTo(json("""
        {
          "apiVersion": "v1", "kind": "Pod",
          "metadata": {"name": "debug", "namespace": "shop-prod"},
          "spec": {"containers": [{"name": "c", "image": "registry.dest/shop-prod/debug:1"}]}
        }
        """));
    assertThat(outcome.appliedTransforms()).containsExactly("PodCleanup", "StripServerFields",
        "ImageReferenceRewrite", "NamespaceMapping");
    assertThat(pod).isEqualTo(original);
  }

  @Test
  void defaultsDropControllerPodsBeforeOwnersAreStripped() {
    ObjectNode pod = json("""
        {"apiVersion": "v1", "kind": "Pod",
         "metadata": {"name": "db-0", "namespace": "shop", "ownerReferences": [
           {"apiVersion": "apps/v1", "kind": "StatefulSet", "name": "db", "uid": "x",
            "controller": true}]},
         "spec": {"containers": []}, "status": {"phase": "Running"}}
        """);
    TransformPipeline.Outcome outcome = TransformPipeline.defaults()
        .apply(key("pods", pod), pod, CONTEXT);
    assertThat(outcome.dropped()).isTrue();
    assertThat(outcome.result()).isNull();
    assertThat(outcome.dropReason()).isEqualTo("recreated by its controller StatefulSet/db");
    assertThat(outcome.appliedTransforms()).containsExactly("PodCleanup");
  }

  @Test
  void stopsAtTheFirstDrop() {
    RestoreTransform label = transform("Label", (k, o, c) -> TransformResult.patches(List.of(
        JsonPatchOps.add("/metadata/labels", json("{\"seen\": \"yes\"}")))));
    RestoreTransform nothing = transform("Nothing", (k, o, c) -> TransformResult.none());
    RestoreTransform dropper = transform("Dropper", (k, o, c) -> {
      assertThat(o.at("/metadata/labels/seen").asText()).isEqualTo("yes");
      return TransformResult.drop("not wanted");
    });
    RestoreTransform never = transform("Never", (k, o, c) -> {
      throw new AssertionError("must not run after a drop");
    });
    ObjectNode cm = json("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", "
        + "\"metadata\": {\"name\": \"c\"}}");

    TransformPipeline.Outcome outcome = new TransformPipeline(List.of(label, nothing, dropper,
        never)).apply(key("configmaps", cm), cm, CONTEXT);

    assertThat(outcome.dropReason()).isEqualTo("not wanted");
    assertThat(outcome.appliedTransforms()).containsExactly("Label", "Dropper");
  }

  @Test
  void aPatchThatDoesNotApplyNamesTheTransform() {
    RestoreTransform broken = transform("Broken", (k, o, c) -> TransformResult.patches(List.of(
        JsonPatchOps.remove("/spec/doesNotExist"))));
    ObjectNode cm = json("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", "
        + "\"metadata\": {\"name\": \"c\", \"namespace\": \"shop\"}}");
    assertThatThrownBy(() -> new TransformPipeline(List.of(broken))
        .apply(key("configmaps", cm), cm, CONTEXT))
        .isInstanceOf(TransformException.class)
        .hasMessageContaining("Broken")
        .hasMessageContaining("configmaps/v1 shop/c");
  }

  @Test
  void aFailingTransformNamesItself() {
    RestoreTransform failing = transform("Failing", (k, o, c) -> {
      throw new IllegalStateException("boom");
    });
    ObjectNode cm = json("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", "
        + "\"metadata\": {\"name\": \"c\"}}");
    assertThatThrownBy(() -> new TransformPipeline(List.of(failing))
        .apply(key("configmaps", cm), cm, CONTEXT))
        .isInstanceOf(TransformException.class)
        .hasMessageContaining("Failing")
        .hasMessageContaining("boom");
  }

  @Test
  void pointersEscapeAnnotationKeys() {
    assertThat(JsonPatchOps.pointer("metadata", "annotations", "openshift.io/orig~policy"))
        .isEqualTo("/metadata/annotations/openshift.io~1orig~0policy");
  }

  interface Body {
    TransformResult apply(ItemKey key, ObjectNode object, TransformContext context);
  }

  private static RestoreTransform transform(String name, Body body) {
    return new RestoreTransform() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public TransformResult apply(ItemKey key, ObjectNode object, TransformContext context) {
        return body.apply(key, object, context);
      }
    };
  }
}
