package dev.ferry.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The testbed's clusters behave like real ones: controllers, scheduler, kubelets (KWOK), storage. */
@ExtendWith(TestbedExtension.class)
class ClusterBehaviourIT {

  @Test
  void nodesAreReady(Testbed testbed) {
    KubernetesClient client = testbed.source().client();
    List<Node> nodes = client.nodes().list().getItems();
    assertThat(nodes).hasSizeGreaterThanOrEqualTo(1);
    client.nodes().withName(nodes.get(0).getMetadata().getName()).waitUntilCondition(n -> n.getStatus()
        .getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())),
        60, TimeUnit.SECONDS);
  }

  @Test
  void deploymentGetsRunningPodsOnFakeNodes(TestNamespace ns) {
    KubernetesClient client = ns.cluster().client();
    client.apps().deployments().inNamespace(ns.name()).resource(new DeploymentBuilder()
        .withNewMetadata().withName("web").endMetadata()
        .withNewSpec().withReplicas(2)
        .withNewSelector().addToMatchLabels("app", "web").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("registry.example/web:1").endContainer()
        .endSpec().endTemplate().endSpec().build()).create();
    client.apps().deployments().inNamespace(ns.name()).withName("web")
        .waitUntilCondition(d -> d.getStatus() != null && Integer.valueOf(2).equals(d.getStatus().getReadyReplicas()),
            90, TimeUnit.SECONDS);
    List<Pod> pods = client.pods().inNamespace(ns.name()).withLabel("app", "web").list().getItems();
    assertThat(pods).hasSize(2).allSatisfy(p -> {
      assertThat(p.getStatus().getPhase()).isEqualTo("Running");
      assertThat(p.getSpec().getNodeName()).startsWith("kwok-node-");
    });
    assertThat(client.apps().replicaSets().inNamespace(ns.name()).list().getItems()).hasSize(1);
  }

  @Test
  void jobPodCompletes(TestNamespace ns) {
    KubernetesClient client = ns.cluster().client();
    client.batch().v1().jobs().inNamespace(ns.name()).resource(new JobBuilder()
        .withNewMetadata().withName("once").endMetadata()
        .withNewSpec().withNewTemplate().withNewSpec().withRestartPolicy("Never")
        .addNewContainer().withName("c").withImage("registry.example/job:1").endContainer()
        .endSpec().endTemplate().endSpec().build()).create();
    client.batch().v1().jobs().inNamespace(ns.name()).withName("once")
        .waitUntilCondition(j -> j.getStatus() != null && Integer.valueOf(1).equals(j.getStatus().getSucceeded()),
            90, TimeUnit.SECONDS);
  }

  @Test
  void claimBindsToHostPathVolumeWhoseDirectoryExists(TestNamespace ns) {
    KubernetesClient client = ns.cluster().client();
    client.persistentVolumeClaims().inNamespace(ns.name()).resource(new PersistentVolumeClaimBuilder()
        .withNewMetadata().withName("data").endMetadata()
        .withNewSpec().withAccessModes("ReadWriteOnce")
        .withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources()
        .endSpec().build()).create();
    PersistentVolumeClaim bound = client.persistentVolumeClaims().inNamespace(ns.name()).withName("data")
        .waitUntilCondition(c -> c.getStatus() != null && "Bound".equals(c.getStatus().getPhase()), 90, TimeUnit.SECONDS);
    PersistentVolume pv = client.persistentVolumes().withName(bound.getSpec().getVolumeName()).get();
    assertThat(pv.getSpec().getHostPath()).isNotNull();
    assertThat(pv.getSpec().getStorageClassName()).isEqualTo(StorageSetup.STORAGE_CLASS);
    Path dir = Path.of(pv.getSpec().getHostPath().getPath());
    assertThat(dir).isDirectory();
    assertThat(Files.isWritable(dir)).isTrue();
  }

  @Test
  void deletingANamespaceRemovesItsObjects(Testbed testbed) {
    KubernetesClient client = testbed.source().client();
    String name = "doomed-" + System.nanoTime();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
    client.configMaps().inNamespace(name).resource(new ConfigMapBuilder().withNewMetadata().withName("cm")
        .endMetadata().build()).create();
    client.namespaces().withName(name).delete();
    client.namespaces().withName(name).waitUntilCondition(n -> n == null, 120, TimeUnit.SECONDS);
    assertThat(client.configMaps().inNamespace(name).list().getItems()).isEmpty();
  }
}
