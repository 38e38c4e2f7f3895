package dev.ferry.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real nodes: a pod on one runs for real (writes into its hostPath-provisioned claim, has an
 * address on the node's bridge, its log is served by the kubelet through the API server), a pod of
 * the source cluster reaches a pod of the destination cluster through a LoadBalancer Service, and
 * a stopped node leaves no mount, network namespace, bridge, shim or log link behind.
 */
@ExtendWith(TestbedExtension.class)
class RealNodeIT {

  @Test
  void podRunsWritesItsClaimAndServesItsLog(Testbed testbed) throws Exception {
    RealNode node = testbed.realNodesOrSkip().get(0);
    KubernetesClient client = testbed.source().client();
    String ns = namespace(client, node, "real-pod");
    PersistentVolumeClaim claim = client.persistentVolumeClaims().inNamespace(ns).resource(claim("data")).create();
    client.pods().inNamespace(ns).resource(pod("writer", "echo hello from $(hostname); "
        + "echo payload > /data/file.txt; sync", "data")).create();

    Pod done = client.pods().inNamespace(ns).withName("writer")
        .waitUntilCondition(p -> p != null && "Succeeded".equals(p.getStatus().getPhase())
            || p != null && "Failed".equals(p.getStatus().getPhase()), 3, TimeUnit.MINUTES);
    assertThat(done.getStatus().getPhase()).isEqualTo("Succeeded");
    assertThat(done.getSpec().getNodeName()).isEqualTo(node.name());
    assertThat(done.getStatus().getPodIP()).startsWith(node.podSubnet().substring(0, node.podSubnet().lastIndexOf('.')));
    assertThat(client.pods().inNamespace(ns).withName("writer").getLog()).contains("hello from writer");
    String volume = client.persistentVolumeClaims().inNamespace(ns).withName(claim.getMetadata().getName()).get()
        .getSpec().getVolumeName();
    Path dir = Path.of(client.persistentVolumes().withName(volume).get().getSpec().getHostPath().getPath());
    assertThat(Files.readString(dir.resolve("file.txt"))).isEqualTo("payload\n");
  }

  @Test
  void podOfOneClusterReachesALoadBalancerOfTheOther(Testbed testbed) {
    List<RealNode> nodes = testbed.realNodesOrSkip();
    KubernetesClient source = testbed.source().client();
    KubernetesClient destination = testbed.destination().client();
    String ns = namespace(destination, nodes.get(1), "real-lb");
    confined(source, nodes.get(0), ns);
    destination.pods().inNamespace(ns).resource(new PodBuilder(pod("listener",
        "echo across-clusters | nc -l -p 7443", null)).editMetadata().addToLabels("app", "listener").endMetadata()
        .build()).create();
    destination.services().inNamespace(ns).resource(new ServiceBuilder().withNewMetadata().withName("listener")
        .endMetadata().withNewSpec().withType("LoadBalancer").addToSelector("app", "listener")
        .addNewPort().withPort(7443).withNewTargetPort(7443).endPort().endSpec().build()).create();
    String address = destination.services().inNamespace(ns).withName("listener")
        .waitUntilCondition(s -> s.getStatus().getLoadBalancer().getIngress() != null
            && !s.getStatus().getLoadBalancer().getIngress().isEmpty(), 3, TimeUnit.MINUTES)
        .getStatus().getLoadBalancer().getIngress().get(0).getIp();

    source.pods().inNamespace(ns).resource(pod("caller", "for i in $(seq 1 30); do nc -w 5 " + address
        + " 7443 && exit 0; sleep 1; done; exit 1", null)).create();
    Pod caller = source.pods().inNamespace(ns).withName("caller").waitUntilCondition(p -> p != null
        && ("Succeeded".equals(p.getStatus().getPhase()) || "Failed".equals(p.getStatus().getPhase())),
        3, TimeUnit.MINUTES);
    assertThat(caller.getStatus().getPhase()).isEqualTo("Succeeded");
    assertThat(source.pods().inNamespace(ns).withName("caller").getLog()).contains("across-clusters");
  }

  @Test
  void stoppedNodeLeavesNothingBehind(@TempDir Path dir) {
    RealNodeSupport.assumeSupported();
    LocalCluster cluster = LocalCluster.start("leftovers", dir.resolve("c"), new ClusterOptions(true, true, 0, false));
    RealNode node;
    try {
      node = cluster.realNode();
      KubernetesClient client = cluster.client();
      String ns = namespace(client, node, "leftovers");
      client.persistentVolumeClaims().inNamespace(ns).resource(claim("data")).create();
      client.pods().inNamespace(ns).resource(pod("sleeper", "sleep 3600", "data")).create();
      client.pods().inNamespace(ns).withName("sleeper").waitUntilCondition(p -> p != null
          && "Running".equals(p.getStatus().getPhase()), 3, TimeUnit.MINUTES);
      assertThat(node.leftovers()).as("a running pod has mounts and a bridge").isNotEmpty();
    } finally {
      cluster.close();
    }
    assertThat(node.leftovers()).isEmpty();
    node.processes().forEach(p -> assertThat(p.isAlive()).as(p.name()).isFalse());
  }

  private static String namespace(KubernetesClient client, RealNode node, String prefix) {
    return confined(client, node, prefix + "-" + UUID.randomUUID().toString().substring(0, 6));
  }

  /** A namespace whose pods all run on the real node. */
  private static String confined(KubernetesClient client, RealNode node, String name) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
        .addToLabels("ferry.dev/test", "true").endMetadata().build()).create();
    node.confine(name);
    return name;
  }

  private static PersistentVolumeClaim claim(String name) {
    return new PersistentVolumeClaimBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
        .withAccessModes("ReadWriteOnce").withNewResources().addToRequests("storage", new Quantity("1Mi"))
        .endResources().endSpec().build();
  }

  private static Pod pod(String name, String script, String claim) {
    var spec = new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
        .withRestartPolicy("Never").withTerminationGracePeriodSeconds(1L)
        .addNewContainer().withName("main").withImage(NodeImages.TEST_IMAGE).withImagePullPolicy("Never")
        .withCommand("sh", "-c", script);
    if (claim != null) {
      return spec.addNewVolumeMount().withName("data").withMountPath("/data").endVolumeMount().endContainer()
          .addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName(claim)
          .endPersistentVolumeClaim().endVolume().endSpec().build();
    }
    return spec.endContainer().endSpec().build();
  }
}
