package dev.ferry.controller.migration;

import dev.ferry.controller.itinerary.Phase;
import dev.ferry.controller.itinerary.PhaseResult;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;

/** Waits until no pod of the plan's namespaces still uses a claim, so the final data copy sees no writer. */
final class WaitForQuiesce implements Phase<MigrationContext> {
  @Override
  public String name() {
    return "EnsureQuiesced";
  }

  @Override
  public String step() {
    return "StageBackup";
  }

  @Override
  public PhaseResult run(MigrationContext context) {
    if (!context.quiescePods()) {
      return PhaseResult.done();
    }
    for (String namespace : context.sourceNamespaces()) {
      List<Pod> writers = context.source().pods().inNamespace(namespace).list().getItems().stream()
          .filter(p -> p.getSpec().getVolumes() != null && p.getSpec().getVolumes().stream()
              .anyMatch(v -> v.getPersistentVolumeClaim() != null))
          .filter(p -> !"Succeeded".equals(p.getStatus().getPhase()) && !"Failed".equals(p.getStatus().getPhase()))
          .toList();
      if (!writers.isEmpty()) {
        return PhaseResult.requeue(Duration.ofSeconds(2), writers.size() + " pod(s) using volumes in " + namespace
            + " to stop");
      }
    }
    return PhaseResult.done();
  }
}
