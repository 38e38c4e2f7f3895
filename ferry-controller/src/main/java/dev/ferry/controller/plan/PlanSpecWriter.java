package dev.ferry.controller.plan;

import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.plan.PlanVolume;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The two spec fields the controller writes: {@code persistentVolumes} (discovery) and
 * {@code refresh} (set back to false). A JSON merge patch of just those fields, with the
 * resource version read, so a user's concurrent edit of a selection is never overwritten: the
 * patch fails with a conflict and the next reconcile starts from the user's version.
 */
final class PlanSpecWriter {
  private PlanSpecWriter() {
  }

  /** Whether {@code discovered} differs from the plan's list (null and empty are the same). */
  static boolean changed(MigPlan plan, List<PlanVolume> discovered) {
    List<PlanVolume> current = plan.getSpec() == null ? null : plan.getSpec().getPersistentVolumes();
    List<PlanVolume> a = current == null ? List.of() : current;
    List<PlanVolume> b = discovered == null ? List.of() : discovered;
    return !Objects.equals(a, b);
  }

  /** @param volumes the new list, or null to leave it; @param resetRefresh whether to set refresh to false */
  static void patch(KubernetesClient client, MigPlan plan, List<PlanVolume> volumes, boolean resetRefresh) {
    Map<String, Object> spec = new LinkedHashMap<>();
    if (volumes != null) {
      spec.put("persistentVolumes", volumes);
    }
    if (resetRefresh) {
      spec.put("refresh", false);
    }
    if (spec.isEmpty()) {
      return;
    }
    Map<String, Object> body = Map.of(
        "metadata", Map.of("resourceVersion", plan.getMetadata().getResourceVersion()),
        "spec", spec);
    client.resources(MigPlan.class).inNamespace(plan.getMetadata().getNamespace())
        .withName(plan.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(body));
  }
}
