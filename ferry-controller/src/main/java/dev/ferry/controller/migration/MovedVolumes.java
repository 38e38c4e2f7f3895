package dev.ferry.controller.migration;

import dev.ferry.api.migration.plan.PlanVolume;
import dev.ferry.api.migration.plan.PvAction;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule for volumes a plan moves (NFS and other shared volumes, action {@code move}): the
 * source PV must not be reclaimed while the destination uses the same remote volume, so its
 * reclaim policy becomes {@code Retain} for the cutover; the original policy is saved in an
 * annotation and put back by a rollback.
 */
final class MovedVolumes {
  static final String ORIGINAL_POLICY = "migration.openshift.io/orig-reclaim-policy";
  static final String RETAIN = "Retain";

  private MovedVolumes() {
  }

  /** Names of the PVs the plan moves. */
  static List<String> names(List<PlanVolume> volumes) {
    return (volumes == null ? List.<PlanVolume>of() : volumes).stream()
        .filter(v -> v.getSelection() != null && v.getSelection().getAction() == PvAction.MOVE && v.getName() != null)
        .map(PlanVolume::getName).toList();
  }

  /** The merge patch that retains {@code pv}, or empty when it is already retained by us. */
  static Optional<Map<String, Object>> retainPatch(PersistentVolume pv) {
    Map<String, String> annotations = pv.getMetadata().getAnnotations();
    if (annotations != null && annotations.containsKey(ORIGINAL_POLICY)) {
      return Optional.empty();
    }
    String original = pv.getSpec().getPersistentVolumeReclaimPolicy() == null ? "Delete"
        : pv.getSpec().getPersistentVolumeReclaimPolicy();
    return Optional.of(Map.of(
        "metadata", Map.of("annotations", Map.of(ORIGINAL_POLICY, original)),
        "spec", Map.of("persistentVolumeReclaimPolicy", RETAIN)));
  }

  /** The merge patch that puts back the saved policy, or empty when nothing was saved. */
  static Optional<Map<String, Object>> restorePatch(PersistentVolume pv) {
    Map<String, String> annotations = pv.getMetadata().getAnnotations();
    String original = annotations == null ? null : annotations.get(ORIGINAL_POLICY);
    if (original == null) {
      return Optional.empty();
    }
    java.util.HashMap<String, Object> removed = new java.util.HashMap<>();
    removed.put(ORIGINAL_POLICY, null);
    return Optional.of(Map.of(
        "metadata", Map.of("annotations", removed),
        "spec", Map.of("persistentVolumeReclaimPolicy", original)));
  }
}
