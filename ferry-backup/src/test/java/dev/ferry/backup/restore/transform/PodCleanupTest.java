package dev.ferry.backup.restore.transform;

import static dev.ferry.backup.restore.transform.TransformTesting.json;
import static dev.ferry.backup.restore.transform.TransformTesting.run;
import static dev.ferry.backup.restore.transform.TransformTesting.transformed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PodCleanupTest {

  private final PodCleanup transform = new PodCleanup();

  @Test
  void standalonePodLosesNodeNameTokenVolumeAndPriority() {
    ObjectNode pod = json("""
        {
          "apiVersion": "v1",
          "kind": "Pod",
          "metadata": {"name": "debug", "namespace": "shop"},
          "spec": {
            "nodeName": "worker-2",
            "priorityClassName": "high",
            "priority": 1000,
            "serviceAccountName": "builder",
            "containers": [{
              "name": "main", "image": "busybox",
              "volumeMounts": [
                {"name": "data", "mountPath": "/data"},
                {"name": "builder-token-x7k2p", "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount",
                 "readOnly": true}
              ]
            }],
            "initContainers": [{
              "name": "init", "image": "busybox",
              "volumeMounts": [{"name": "builder-token-x7k2p",
                                "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount"}]
            }],
            "volumes": [
              {"name": "builder-token-x7k2p", "secret": {"secretName": "builder-token-x7k2p"}},
              {"name": "data", "persistentVolumeClaim": {"claimName": "data"}}
            ]
          },
          "status": {"phase": "Running"}
        }
        """);

    ObjectNode result = transformed(transform, "pods", pod, TransformContext.defaults());

    assertThat(result.path("spec")).isEqualTo(json("""
        {
          "priorityClassName": "high",
          "serviceAccountName": "builder",
          "containers": [{
            "name": "main", "image": "busybox",
            "volumeMounts": [{"name": "data", "mountPath": "/data"}]
          }],
          "initContainers": [{"name": "init", "image": "busybox", "volumeMounts": []}],
          "volumes": [{"name": "data", "persistentVolumeClaim": {"claimName": "data"}}]
        }
        """));
  }

  @Test
  void projectedTokenVolumesAndOtherSecretsStay() {
    ObjectNode pod = json("""
        {
          "apiVersion": "v1", "kind": "Pod",
          "metadata": {"name": "p", "namespace": "shop"},
          "spec": {
            "containers": [{"name": "c", "image": "x", "volumeMounts": [
              {"name": "kube-api-access-4xq9z", "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount"},
              {"name": "tls", "mountPath": "/tls"}]}],
            "volumes": [
              {"name": "kube-api-access-4xq9z", "projected": {"sources": [
                {"serviceAccountToken": {"path": "token"}}]}},
              {"name": "tls", "secret": {"secretName": "web-tls"}}
            ]
          }
        }
        """);
    assertThat(transformed(transform, "pods", pod, TransformContext.defaults()))
        .isEqualTo(pod);
  }

  @Test
  void completedPodsAreDropped() {
    for (String phase : new String[] {"Succeeded", "Failed"}) {
      ObjectNode pod = json("""
          {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "migrate-db", "namespace": "shop"},
           "spec": {"containers": [{"name": "c", "image": "x"}]},
           "status": {"phase": "%s"}}
          """.formatted(phase));
      TransformPipeline.Outcome outcome = run(transform, "pods", pod, TransformContext.defaults());
      assertThat(outcome.dropped()).isTrue();
      assertThat(outcome.dropReason()).contains(phase);
      assertThat(outcome.appliedTransforms()).containsExactly("PodCleanup");
    }
  }

  @Test
  void podsOfControllersAreDropped() {
    ObjectNode pod = json("""
        {
          "apiVersion": "v1", "kind": "Pod",
          "metadata": {
            "name": "web-7d4b9c-abcde", "namespace": "shop",
            "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet",
              "name": "web-7d4b9c", "uid": "1234", "controller": true, "blockOwnerDeletion": true}]
          },
          "spec": {"nodeName": "worker-1", "containers": [{"name": "c", "image": "x"}]},
          "status": {"phase": "Running"}
        }
        """);
    TransformPipeline.Outcome outcome = run(transform, "pods", pod, TransformContext.defaults());
    assertThat(outcome.dropped()).isTrue();
    assertThat(outcome.dropReason()).isEqualTo("recreated by its controller ReplicaSet/web-7d4b9c");
  }

  @Test
  void podsWithNonControllerOwnersAreKept() {
    ObjectNode pod = json("""
        {
          "apiVersion": "v1", "kind": "Pod",
          "metadata": {"name": "p", "namespace": "shop",
            "ownerReferences": [{"apiVersion": "example.com/v1", "kind": "Sandbox", "name": "s",
                                 "uid": "1", "controller": true},
                                {"apiVersion": "apps/v1", "kind": "StatefulSet", "name": "db",
                                 "uid": "2"}]},
          "spec": {"containers": [{"name": "c", "image": "x"}]}
        }
        """);
    assertThat(run(transform, "pods", pod, TransformContext.defaults()).dropped()).isFalse();
  }
}
