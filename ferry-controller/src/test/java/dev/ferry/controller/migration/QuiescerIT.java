package dev.ferry.controller.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testbed.TestNamespace;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.PlanFixture;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every kind of workload is stopped on a real cluster and started again with its saved values. */
@ExtendWith(TestbedExtension.class)
class QuiescerIT {

  @Test
  void quiescesAndRestoresEveryKind(TestNamespace ns) {
    KubernetesClient client = ns.cluster().client();
    PlanFixture.apply(client, """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: %1$s}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: registry.example/web:1}]}}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: %1$s}
        spec:
          serviceName: db
          replicas: 2
          selector: {matchLabels: {app: db}}
          template: {metadata: {labels: {app: db}}, spec: {containers: [{name: c, image: registry.example/db:1}]}}
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: lone, namespace: %1$s}
        spec:
          replicas: 1
          selector: {matchLabels: {app: lone}}
          template: {metadata: {labels: {app: lone}}, spec: {containers: [{name: c, image: registry.example/lone:1}]}}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: %1$s}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              nodeSelector: {kubernetes.io/os: linux}
              containers: [{name: c, image: registry.example/agent:1}]
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: batch, namespace: %1$s}
        spec:
          parallelism: 2
          completions: 4
          suspend: true
          template: {spec: {restartPolicy: Never, containers: [{name: c, image: registry.example/job:1}]}}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly, namespace: %1$s}
        spec:
          schedule: "0 3 * * *"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: registry.example/r:1}]}}}}
        ---
        apiVersion: apps.openshift.io/v1
        kind: DeploymentConfig
        metadata: {name: legacy, namespace: %1$s}
        spec:
          replicas: 2
          selector: {app: legacy}
          template: {metadata: {labels: {app: legacy}}, spec: {containers: [{name: c, image: registry.example/l:1}]}}
        """.formatted(ns.name()));
    Quiescer quiescer = new Quiescer(client);
    List<String> expected = List.of("Deployment/%1$s/web", "DeploymentConfig/%1$s/legacy", "StatefulSet/%1$s/db",
        "ReplicaSet/%1$s/lone", "DaemonSet/%1$s/agent", "Job/%1$s/batch", "CronJob/%1$s/nightly").stream()
        .map(k -> k.formatted(ns.name())).toList();
    assertThat(quiescer.quiesce(List.of(ns.name()))).containsExactlyElementsOf(expected);
    assertThat(quiescer.quiesce(List.of(ns.name()))).as("quiescing twice changes nothing").isEmpty();

    var apps = client.apps();
    assertThat(apps.deployments().inNamespace(ns.name()).withName("web").get().getSpec().getReplicas()).isZero();
    assertThat(apps.deployments().inNamespace(ns.name()).withName("web").get().getMetadata().getAnnotations())
        .containsEntry(QuiesceRules.REPLICAS, "3");
    assertThat(apps.statefulSets().inNamespace(ns.name()).withName("db").get().getSpec().getReplicas()).isZero();
    assertThat(apps.replicaSets().inNamespace(ns.name()).withName("lone").get().getSpec().getReplicas()).isZero();
    assertThat(apps.daemonSets().inNamespace(ns.name()).withName("agent").get().getSpec().getTemplate().getSpec()
        .getNodeSelector()).containsExactly(Map.entry(QuiesceRules.IMPOSSIBLE_NODE_LABEL, "true"));
    assertThat(client.batch().v1().jobs().inNamespace(ns.name()).withName("batch").get().getSpec().getParallelism())
        .isZero();
    assertThat(client.batch().v1().cronjobs().inNamespace(ns.name()).withName("nightly").get().getSpec().getSuspend())
        .isTrue();
    assertThat(deploymentConfig(client, ns.name()).get("replicas")).isEqualTo(0);

    assertThat(quiescer.unquiesce(List.of(ns.name()))).containsExactlyElementsOf(expected);
    assertThat(apps.deployments().inNamespace(ns.name()).withName("web").get().getSpec().getReplicas()).isEqualTo(3);
    assertThat(apps.deployments().inNamespace(ns.name()).withName("web").get().getMetadata().getAnnotations())
        .doesNotContainKey(QuiesceRules.REPLICAS);
    assertThat(apps.statefulSets().inNamespace(ns.name()).withName("db").get().getSpec().getReplicas()).isEqualTo(2);
    assertThat(apps.replicaSets().inNamespace(ns.name()).withName("lone").get().getSpec().getReplicas()).isEqualTo(1);
    assertThat(apps.daemonSets().inNamespace(ns.name()).withName("agent").get().getSpec().getTemplate().getSpec()
        .getNodeSelector()).containsExactly(Map.entry("kubernetes.io/os", "linux"));
    assertThat(client.batch().v1().jobs().inNamespace(ns.name()).withName("batch").get().getSpec().getParallelism())
        .isEqualTo(2);
    assertThat(client.batch().v1().cronjobs().inNamespace(ns.name()).withName("nightly").get().getSpec().getSuspend())
        .isFalse();
    assertThat(deploymentConfig(client, ns.name()).get("replicas")).isEqualTo(2);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deploymentConfig(KubernetesClient client, String ns) {
    GenericKubernetesResource dc = client.genericKubernetesResources("apps.openshift.io/v1", "DeploymentConfig")
        .inNamespace(ns).withName("legacy").get();
    return (Map<String, Object>) dc.getAdditionalProperties().get("spec");
  }
}
