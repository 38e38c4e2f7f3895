package dev.ferry.controller.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.plan.PlanVolume;
import dev.ferry.api.migration.plan.PlanVolumeSelection;
import dev.ferry.api.migration.plan.PvAction;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MovedVolumesTest {

  @Test
  void onlyVolumesSelectedForMoveAreRetained() {
    assertThat(MovedVolumes.names(List.of(volume("a", PvAction.MOVE), volume("b", PvAction.COPY),
        volume("c", null)))).containsExactly("a");
    assertThat(MovedVolumes.names(null)).isEmpty();
  }

  @Test
  void retainSavesTheOriginalPolicyOnce() {
    PersistentVolume pv = new PersistentVolumeBuilder().withNewMetadata().withName("a").endMetadata()
        .withNewSpec().withPersistentVolumeReclaimPolicy("Delete").endSpec().build();
    assertThat(MovedVolumes.retainPatch(pv)).hasValue(Map.of(
        "metadata", Map.of("annotations", Map.of(MovedVolumes.ORIGINAL_POLICY, "Delete")),
        "spec", Map.of("persistentVolumeReclaimPolicy", "Retain")));
    pv.getMetadata().setAnnotations(Map.of(MovedVolumes.ORIGINAL_POLICY, "Delete"));
    pv.getSpec().setPersistentVolumeReclaimPolicy("Retain");
    assertThat(MovedVolumes.retainPatch(pv)).as("already retained: a second run must not save Retain").isEmpty();
  }

  @Test
  void restorePutsBackTheSavedPolicyAndDropsTheAnnotation() {
    PersistentVolume pv = new PersistentVolumeBuilder().withNewMetadata().withName("a")
        .addToAnnotations(MovedVolumes.ORIGINAL_POLICY, "Recycle").endMetadata()
        .withNewSpec().withPersistentVolumeReclaimPolicy("Retain").endSpec().build();
    Map<String, Object> patch = MovedVolumes.restorePatch(pv).orElseThrow();
    assertThat(patch).containsEntry("spec", Map.of("persistentVolumeReclaimPolicy", "Recycle"));
    Map<?, ?> annotations = (Map<?, ?>) ((Map<?, ?>) patch.get("metadata")).get("annotations");
    assertThat(annotations.containsKey(MovedVolumes.ORIGINAL_POLICY)).isTrue();
    assertThat(annotations.get(MovedVolumes.ORIGINAL_POLICY)).as("null removes it in a merge patch").isNull();
    pv.getMetadata().setAnnotations(null);
    assertThat(MovedVolumes.restorePatch(pv)).isEmpty();
  }

  private static PlanVolume volume(String name, PvAction action) {
    PlanVolume v = new PlanVolume();
    v.setName(name);
    if (action != null) {
      PlanVolumeSelection selection = new PlanVolumeSelection();
      selection.setAction(action);
      v.setSelection(selection);
    }
    return v;
  }
}
