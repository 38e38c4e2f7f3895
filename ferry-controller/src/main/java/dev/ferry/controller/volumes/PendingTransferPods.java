package dev.ferry.controller.volumes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Transfer pods that have waited too long to run: a node selector no node matches, an
 * unschedulable volume, an image that cannot be pulled. MTC's message for it is "Some or all
 * transfer pods are not running for more than 10 mins on destination cluster"; this one names
 * every such pod and why the scheduler or the kubelet keeps it waiting. Model only.
 */
public final class PendingTransferPods {
  private PendingTransferPods() {
  }

  /**
   * One pod Pending for longer than {@code limit}.
   *
   * @param cluster "source" or "destination"
   * @param reason  the scheduler's or the kubelet's reason, null if it gave none
   */
  public record StuckPod(String cluster, String namespace, String name, String reason, Duration limit) {
    /** {@code pod shop/data-1-receiver-x is Pending (0/3 nodes are available: …)}. */
    public String describe() {
      return "pod " + namespace + "/" + name + " is Pending" + (reason == null ? "" : " (" + reason + ")");
    }
  }

  /** The pod, if it is Pending for more than {@code limit} at {@code now}. */
  public static Optional<StuckPod> stuck(Pod pod, String cluster, Instant now, Duration limit) {
    if (pod == null || pod.getStatus() == null || !"Pending".equals(pod.getStatus().getPhase())
        || pod.getMetadata().getCreationTimestamp() == null) {
      return Optional.empty();
    }
    Instant created = Instant.parse(pod.getMetadata().getCreationTimestamp());
    if (Duration.between(created, now).compareTo(limit) <= 0) {
      return Optional.empty();
    }
    return Optional.of(new StuckPod(cluster, pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
        why(pod).orElse(null), limit));
  }

  /**
   * MTC's sentence once per cluster, each followed by its pods, then what to check, e.g. {@code Some
   * or all transfer pods are not running for more than 10 mins on destination cluster: pod
   * shop/data-1-receiver-x is Pending (0/3 nodes are available: 3 node(s) didn't match Pod's node
   * affinity/selector.); check …}. Empty for no pods.
   */
  public static String message(List<StuckPod> pods) {
    if (pods.isEmpty()) {
      return "";
    }
    Map<String, List<StuckPod>> byCluster = new LinkedHashMap<>();
    for (String cluster : List.of("destination", "source")) {
      pods.stream().filter(p -> cluster.equals(p.cluster())).forEach(p ->
          byCluster.computeIfAbsent(cluster, c -> new ArrayList<>()).add(p));
    }
    pods.stream().filter(p -> !byCluster.containsKey(p.cluster())).forEach(p ->
        byCluster.computeIfAbsent(p.cluster(), c -> new ArrayList<>()).add(p));
    String limit = minutes(pods.get(0).limit());
    return byCluster.entrySet().stream().map(e -> "Some or all transfer pods are not running for more than " + limit
            + " on " + e.getKey() + " cluster: " + e.getValue().stream().map(StuckPod::describe)
            .collect(Collectors.joining(", ")))
        .collect(Collectors.joining("; "))
        + "; check the namespace's node selector (openshift.io/node-selector) against the nodes' labels, the "
        + "claim's node and the image";
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
    return limit.toMinutes() >= 1 && limit.toSecondsPart() == 0 && limit.toMillisPart() == 0
        ? limit.toMinutes() + " mins" : limit.toSeconds() + " s";
  }
}
