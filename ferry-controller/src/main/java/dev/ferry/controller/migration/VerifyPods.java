package dev.ferry.controller.migration;

import dev.ferry.controller.itinerary.Phase;
import dev.ferry.controller.itinerary.PhaseResult;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * With {@code verify}: waits (up to 3 minutes from the first check) for the migrated pods on the
 * destination to run, then names those that do not in a warning.
 */
final class VerifyPods implements Phase<MigrationContext> {
  static final Duration PATIENCE = Duration.ofMinutes(3);
  static final String STARTED_ANNOTATION = "migration.openshift.io/verify-started";

  @Override
  public String name() {
    return "Verification";
  }

  @Override
  public String step() {
    return "Verification";
  }

  /**
   * Empty for a pod that runs (or has completed); otherwise why not, e.g. {@code " (CrashLoopBackOff)"}.
   * A crash-looping pod's phase stays Running, so a container waiting to restart counts as not running.
   */
  static java.util.Optional<String> notRunning(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Succeeded".equals(phase)) {
      return java.util.Optional.empty();
    }
    java.util.Optional<String> waiting = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
        ? java.util.Optional.empty()
        : pod.getStatus().getContainerStatuses().stream()
            .filter(c -> c.getState() != null && c.getState().getWaiting() != null)
            .map(c -> c.getState().getWaiting().getReason()).filter(r -> r != null && !"ContainerCreating".equals(r))
            .findFirst();
    if ("Running".equals(phase) && waiting.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(" (" + waiting.orElse(phase == null ? "no status" : phase) + ")");
  }

  @Override
  public PhaseResult run(MigrationContext context) {
    if (!Boolean.TRUE.equals(context.migration().getSpec().getVerify())) {
      return PhaseResult.done();
    }
    List<String> notRunning = new ArrayList<>();
    for (String namespace : context.destinationNamespaces()) {
      for (Pod pod : context.destination().pods().inNamespace(namespace).list().getItems()) {
        notRunning(pod).ifPresent(why -> notRunning.add(namespace + "/" + pod.getMetadata().getName() + why));
      }
    }
    if (notRunning.isEmpty()) {
      return PhaseResult.done();
    }
    Instant started = context.verifyStarted();
    if (Duration.between(started, Instant.now(context.clock())).compareTo(PATIENCE) < 0) {
      return PhaseResult.requeue(Duration.ofSeconds(3), notRunning.size() + " pod(s) on the destination to run");
    }
    context.warn("VerificationFailed", "PodsNotRunning", "Pods on the destination are not running after "
        + PATIENCE.toMinutes() + " minutes: " + String.join(", ", notRunning));
    return PhaseResult.done();
  }
}
