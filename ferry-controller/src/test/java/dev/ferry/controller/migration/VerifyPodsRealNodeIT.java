package dev.ferry.controller.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testbed.NodeImages;
import dev.ferry.testbed.RealNode;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code verify} against pods a kubelet really runs: a container that keeps crashing leaves its
 * pod in phase Running (the kubelet restarts it with a back-off), so only its container state says
 * it does not run; a healthy pod passes.
 */
@ExtendWith(TestbedExtension.class)
class VerifyPodsRealNodeIT {

  @Test
  void crashLoopingPodIsReportedAndARunningOneIsNot(Testbed testbed) {
    RealNode node = testbed.realNodesOrSkip().get(1);
    KubernetesClient destination = testbed.destination().client();
    String ns = "verify-" + UUID.randomUUID().toString().substring(0, 6);
    destination.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns)
        .addToLabels("ferry.dev/test", "true").endMetadata().build()).create();
    node.confine(ns);
    destination.pods().inNamespace(ns).resource(pod("crashing", "echo starting; exit 3")).create();
    destination.pods().inNamespace(ns).resource(pod("healthy", "sleep 3600")).create();

    Pod crashing = destination.pods().inNamespace(ns).withName("crashing").waitUntilCondition(p -> p != null
        && p.getStatus().getContainerStatuses() != null && p.getStatus().getContainerStatuses().stream()
        .anyMatch(c -> c.getState().getWaiting() != null
            && "CrashLoopBackOff".equals(c.getState().getWaiting().getReason())), 3, TimeUnit.MINUTES);
    assertThat(crashing.getStatus().getPhase()).as("the phase alone hides the crash loop").isEqualTo("Running");
    assertThat(VerifyPods.notRunning(crashing)).hasValue(" (CrashLoopBackOff)");
    assertThat(destination.pods().inNamespace(ns).withName("crashing").getLog()).contains("starting");

    Pod healthy = destination.pods().inNamespace(ns).withName("healthy").waitUntilCondition(p -> p != null
        && "Running".equals(p.getStatus().getPhase()), 3, TimeUnit.MINUTES);
    assertThat(VerifyPods.notRunning(healthy)).isEmpty();
    destination.namespaces().withName(ns).delete();
  }

  private static Pod pod(String name, String script) {
    return new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
        .withRestartPolicy("Always").withTerminationGracePeriodSeconds(1L)
        .addNewContainer().withName("main").withImage(NodeImages.TEST_IMAGE).withImagePullPolicy("Never")
        .withCommand("sh", "-c", script).endContainer().endSpec().build();
  }
}
