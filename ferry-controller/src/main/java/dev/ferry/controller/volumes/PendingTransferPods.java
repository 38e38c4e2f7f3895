package dev.ferry.controller.volumes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Transfer pods that have waited too long to run: a missing node selector label, an unschedulable
 * volume, an image that cannot be pulled. MTC's message for it is "Some or all transfer pods are
 * not running for more than 10 mins on destination cluster"; this one names the pod and why the
 * scheduler or kubelet keeps it waiting. Model only.
 */
public final class PendingTransferPods {
  private PendingTransferPods() {
  }

  /** The message when {@code pod} is Pending for more than {@code limit} at {@code now}; else empty. */
  public static Optional<String> stuck(Pod pod, String cluster, Instant now, Duration limit) {
    if (pod == null || pod.getStatus() == null || !"Pending".equals(pod.getStatus().getPhase())
        || pod.getMetadata().getCreationTimestamp() == null) {
      return Optional.empty();
    }
    Instant created = Instant.parse(pod.getMetadata().getCreationTimestamp());
    if (Duration.between(created, now).compareTo(limit) <= 0) {
      return Optional.empty();
    }
    return Optional.of("Some or all transfer pods are not running for more than " + minutes(limit) + " on "
        + cluster + " cluster: pod " + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName()
        + " is Pending" + why(pod).map(w -> " (" + w + ")").orElse("")
        + "; check the namespace's node selector, the claim's node and the image");
  }

  /** The scheduler's or the kubelet's reason for the wait, if it gave one. */
  static Optional<String> why(Pod pod) {
    if (pod.getStatus().getConditions() != null) {
      for (PodCondition c : pod.getStatus().getConditions()) {
        if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()) && c.getMessage() != null) {
          return Optional.of(c.getMessage());
        }
      }
    }
    if (pod.getStatus().getContainerStatuses() != null) {
      return pod.getStatus().getContainerStatuses().stream()
          .filter(s -> s.getState() != null && s.getState().getWaiting() != null)
          .map(s -> s.getState().getWaiting().getReason() + (s.getState().getWaiting().getMessage() == null ? ""
              : ": " + s.getState().getWaiting().getMessage()))
          .findFirst();
    }
    return Optional.empty();
  }

  private static String minutes(Duration limit) {
    return limit.toMinutes() >= 1 && limit.toSecondsPart() == 0 ? limit.toMinutes() + " mins"
        : limit.toSeconds() + " s";
  }
}
