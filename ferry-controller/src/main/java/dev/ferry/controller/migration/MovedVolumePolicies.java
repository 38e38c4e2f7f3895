package dev.ferry.controller.migration;

import dev.ferry.controller.itinerary.Phase;
import dev.ferry.controller.itinerary.PhaseResult;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reclaim policy of the source PVs of moved volumes ({@link MovedVolumes}), in two phases
 * that walk the same PVs with a different patch: the cutover's (Retain, the original saved; a
 * moved PV that is gone fails the migration) and the rollback's (the saved policy put back; a
 * PV that is gone has nothing to put back). Idempotent: a PV already patched gets no patch.
 */
final class MovedVolumePolicies implements Phase<MigrationContext> {
  private final String name;
  private final String step;
  private final Function<PersistentVolume, Optional<Map<String, Object>>> patch;
  private final boolean missingFails;

  private MovedVolumePolicies(String name, String step, Function<PersistentVolume, Optional<Map<String, Object>>> patch,
                              boolean missingFails) {
    this.name = name;
    this.step = step;
    this.patch = patch;
    this.missingFails = missingFails;
  }

  /** Cutover, before the backup: Retain, so the shared volume outlives the source claim. */
  static MovedVolumePolicies retain() {
    return new MovedVolumePolicies("EnsureMovedVolumesRetained", "Prepare", MovedVolumes::retainPatch, true);
  }

  /** Rollback: the policy the cutover saved. */
  static MovedVolumePolicies restore() {
    return new MovedVolumePolicies("RestoreMovedVolumesReclaimPolicy", "Rollback", MovedVolumes::restorePatch, false);
  }

  @Override
  public PhaseResult run(MigrationContext context) {
    for (String volume : MovedVolumes.names(context.plan().getSpec().getPersistentVolumes())) {
      var resource = context.source().persistentVolumes().withName(volume);
      PersistentVolume pv = resource.get();
      if (pv == null) {
        if (missingFails) {
          return PhaseResult.fail("the plan moves the persistent volume " + volume + ", which does not exist on the "
              + "source cluster: refresh the plan (spec.refresh: true) and migrate again");
        }
        continue;
      }
      patch.apply(pv).ifPresent(merge -> resource.patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(merge)));
    }
    return PhaseResult.done();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String step() {
    return step;
  }
}
