package dev.ferry.controller.migration;

import dev.ferry.api.migration.PlanVolume;
import dev.ferry.api.migration.PvAction;
import java.util.List;

/**
 * The seam for persistent-volume data: the volume mover (direct transfer or repository
 * snapshots) plugs in here. Until it does, a plan with volumes to copy migrates their claims
 * (fresh, empty volumes on the destination) and says so in a warning — never silently.
 */
final class CopyVolumeData implements Phase {
  @Override
  public String name() {
    return "DirectVolumeMigrationCompleted";
  }

  @Override
  public String step() {
    return "DirectVolume";
  }

  @Override
  public PhaseResult run(MigrationContext context) {
    List<PlanVolume> volumes = context.plan().getSpec().getPersistentVolumes() == null ? List.of()
        : context.plan().getSpec().getPersistentVolumes();
    List<String> toCopy = volumes.stream()
        .filter(v -> v.getSelection() == null || v.getSelection().getAction() == null
            || v.getSelection().getAction() == PvAction.COPY)
        .map(v -> v.getPvc() == null ? v.getName() : v.getPvc().getNamespace() + "/" + v.getPvc().getName())
        .toList();
    if (!toCopy.isEmpty()) {
      context.warn("VolumeDataNotCopied", "NotImplemented", "The data of " + toCopy.size()
          + " volume(s) was not copied: this Ferry build has no volume mover yet; the claims arrive with new, "
          + "empty volumes on the destination. Copy the data yourself before using the application: "
          + String.join(", ", toCopy));
    }
    return PhaseResult.done();
  }
}
