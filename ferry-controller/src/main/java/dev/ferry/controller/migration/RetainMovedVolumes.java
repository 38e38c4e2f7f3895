package dev.ferry.controller.migration;

import dev.ferry.controller.itinerary.Phase;
import dev.ferry.controller.itinerary.PhaseResult;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * Cutover, before the backup: the source PVs of moved volumes get reclaim policy Retain (the
 * original saved), so the shared volume outlives the source claim. Idempotent.
 */
final class RetainMovedVolumes implements Phase<MigrationContext> {
  @Override
  public String name() {
    return "EnsureMovedVolumesRetained";
  }

  @Override
  public String step() {
    return "Prepare";
  }

  @Override
  public PhaseResult run(MigrationContext context) {
    for (String name : MovedVolumes.names(context.plan().getSpec().getPersistentVolumes())) {
      var resource = context.source().persistentVolumes().withName(name);
      PersistentVolume pv = resource.get();
      if (pv == null) {
        return PhaseResult.fail("the plan moves the persistent volume " + name
            + ", which does not exist on the source cluster: refresh the plan (spec.refresh: true) and migrate again");
      }
      MovedVolumes.retainPatch(pv).ifPresent(patch ->
          resource.patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(patch)));
    }
    return PhaseResult.done();
  }
}
