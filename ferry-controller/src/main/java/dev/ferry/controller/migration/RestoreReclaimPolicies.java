package dev.ferry.controller.migration;

import dev.ferry.controller.itinerary.Phase;
import dev.ferry.controller.itinerary.PhaseResult;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Rollback: the source PVs of moved volumes get back the reclaim policy saved by the cutover. */
final class RestoreReclaimPolicies implements Phase<MigrationContext> {
  @Override
  public String name() {
    return "RestoreMovedVolumesReclaimPolicy";
  }

  @Override
  public String step() {
    return "Rollback";
  }

  @Override
  public PhaseResult run(MigrationContext context) {
    for (String name : MovedVolumes.names(context.plan().getSpec().getPersistentVolumes())) {
      var resource = context.source().persistentVolumes().withName(name);
      PersistentVolume pv = resource.get();
      if (pv != null) {
        MovedVolumes.restorePatch(pv).ifPresent(patch ->
            resource.patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(patch)));
      }
    }
    return PhaseResult.done();
  }
}
