package dev.ferry.backup.restore.transform;

import static dev.ferry.backup.restore.transform.TransformTesting.json;
import static dev.ferry.backup.restore.transform.TransformTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.model.GroupResource;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DropExcludedTest {

  private final DropExcluded transform = new DropExcluded();

  @Test
  void dropsNeverRestoredResources() {
    ObjectNode event = json("""
        {"apiVersion": "v1", "kind": "Event", "metadata": {"name": "web.17c", "namespace": "shop"},
         "reason": "Scheduled", "message": "Successfully assigned shop/web to worker-1"}
        """);
    TransformPipeline.Outcome outcome = run(transform, "events", event,
        TransformContext.defaults());
    assertThat(outcome.dropped()).isTrue();
    assertThat(outcome.dropReason()).isEqualTo("events are never restored");

    for (String resource : new String[] {"nodes", "events.events.k8s.io", "backups.velero.io",
        "restores.velero.io", "resticrepositories.velero.io", "imagetags.image.openshift.io",
        "clusterserviceversions.operators.coreos.com"}) {
      ObjectNode object = json("{\"apiVersion\": \"v1\", \"kind\": \"X\", "
          + "\"metadata\": {\"name\": \"x\"}}");
      assertThat(run(transform, resource, object, TransformContext.defaults()).dropped())
          .as(resource).isTrue();
    }
  }

  @Test
  void dropsGeneratedCaConfigMapsAndControllerManagedEndpointSlices() {
    ObjectNode ca = json("""
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "kube-root-ca.crt", "namespace": "shop"}}
        """);
    assertThat(run(transform, "configmaps", ca, TransformContext.defaults()).dropped()).isTrue();
    ObjectNode managed = json("""
        {"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice", "metadata": {"name": "web-x1",
         "namespace": "shop", "labels": {"endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io"}}}
        """);
    assertThat(run(transform, "endpointslices.discovery.k8s.io", managed, TransformContext.defaults()).dropped())
        .isTrue();
    ObjectNode handMade = json("""
        {"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice", "metadata": {"name": "external",
         "namespace": "shop", "labels": {"endpointslice.kubernetes.io/managed-by": "team.example.com"}}}
        """);
    assertThat(run(transform, "endpointslices.discovery.k8s.io", handMade, TransformContext.defaults()).dropped())
        .isFalse();
  }

  @Test
  void keepsEverythingElse() {
    ObjectNode cm = json("""
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c", "namespace": "shop"}}
        """);
    assertThat(run(transform, "configmaps", cm, TransformContext.defaults()).dropped()).isFalse();
  }

  @Test
  void exclusionSetIsConfigurable() {
    DropExcluded custom = new DropExcluded(Set.of(GroupResource.parse("widgets.example.com")));
    ObjectNode widget = json("""
        {"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w"}}
        """);
    assertThat(run(custom, "widgets.example.com", widget, TransformContext.defaults()).dropped())
        .isTrue();
    assertThat(run(custom, "events", widget, TransformContext.defaults()).dropped()).isFalse();
  }
}
