package dev.ferry.testbed;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The first step of stopping a real node: its pods go through the API server, so the kubelet tears them down. */
final class NodeDrain {
  private static final Logger LOG = LoggerFactory.getLogger(NodeDrain.class);

  private NodeDrain() {
  }

  /**
   * Cordons the node and deletes its pods at once, then waits until the kubelet has stopped their
   * containers and sandboxes (which removes their network namespaces, addresses and mounts).
   *
   * @param runningTasks the containers containerd still runs ({@code ctr tasks ls -q}), one per line
   */
  static void drain(KubernetesClient client, String name, Supplier<String> runningTasks) {
    try {
      client.nodes().withName(name).edit(n -> {
        n.getSpec().setUnschedulable(true);
        return n;
      });
      List<Pod> pods = client.pods().inAnyNamespace().withField("spec.nodeName", name).list().getItems();
      for (Pod pod : pods) {
        client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
            .withGracePeriod(0).delete();
      }
    } catch (KubernetesClientException e) {
      LOG.warn("cannot drain real node {}: {}", name, e.getMessage());
      return;
    }
    // Surefire gives a forked JVM 30 s to exit; what is still running after 15 s is killed by the caller.
    Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
    while (Instant.now().isBefore(deadline)) {
      String tasks;
      try {
        tasks = runningTasks.get().strip();
      } catch (TestbedException e) {
        return;
      }
      if (tasks.isEmpty()) {
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    LOG.warn("real node {}: containers still running 15 s after its pods were deleted; killing them", name);
  }
}
