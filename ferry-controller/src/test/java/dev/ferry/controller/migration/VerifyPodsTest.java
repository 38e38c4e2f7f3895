package dev.ferry.controller.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

/** Which destination pods {@code verify} names, from the statuses a kubelet writes. */
class VerifyPodsTest {

  @Test
  void runningAndCompletedPodsPass() {
    assertThat(VerifyPods.notRunning(pod("Running", null))).isEmpty();
    assertThat(VerifyPods.notRunning(pod("Succeeded", null))).isEmpty();
    assertThat(VerifyPods.notRunning(pod("Running", "ContainerCreating"))).isEmpty();
  }

  @Test
  void crashLoopInARunningPodAndPendingPodsAreNamed() {
    assertThat(VerifyPods.notRunning(pod("Running", "CrashLoopBackOff"))).hasValue(" (CrashLoopBackOff)");
    assertThat(VerifyPods.notRunning(pod("Pending", "ImagePullBackOff"))).hasValue(" (ImagePullBackOff)");
    assertThat(VerifyPods.notRunning(pod("Pending", null))).hasValue(" (Pending)");
    assertThat(VerifyPods.notRunning(pod("Failed", null))).hasValue(" (Failed)");
  }

  private static Pod pod(String phase, String waiting) {
    PodBuilder pod = new PodBuilder().withNewMetadata().withName("web-1").endMetadata().withNewStatus()
        .withPhase(phase).endStatus();
    if (waiting != null) {
      pod.editStatus().addNewContainerStatus().withName("web").withNewState().withNewWaiting().withReason(waiting)
          .endWaiting().endState().endContainerStatus().endStatus();
    }
    return pod.build();
  }
}
