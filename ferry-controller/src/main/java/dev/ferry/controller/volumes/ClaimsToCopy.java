package dev.ferry.controller.volumes;

import dev.ferry.api.migration.plan.PlanVolume;
import dev.ferry.api.migration.plan.PlanVolumeSelection;
import dev.ferry.api.migration.plan.PvAction;
import dev.ferry.api.migration.volumes.PvcToMigrate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The claims whose data a plan copies, as a DirectVolumeMigration lists them: every plan volume
 * selected for {@code copy} (the default action), with its destination name and namespace (the
 * plan's {@code src:dest} mapping; a claim name may itself be {@code src:dest}), the selected
 * storage class and access mode, and whether to verify. Model only.
 */
public final class ClaimsToCopy {
  private ClaimsToCopy() {
  }

  public static List<PvcToMigrate> of(List<PlanVolume> volumes, Map<String, String> namespaceMapping) {
    List<PvcToMigrate> claims = new ArrayList<>();
    for (PlanVolume volume : volumes == null ? List.<PlanVolume>of() : volumes) {
      if (volume.getPvc() == null || volume.getPvc().getName() == null || action(volume) != PvAction.COPY) {
        continue;
      }
      String[] names = volume.getPvc().getName().split(":", 2);
      String namespace = volume.getPvc().getNamespace();
      PvcToMigrate claim = new PvcToMigrate();
      claim.setName(names[0]);
      claim.setNamespace(namespace);
      claim.setTargetName(names.length > 1 && !names[1].isBlank() ? names[1] : names[0]);
      claim.setTargetNamespace(namespaceMapping.getOrDefault(namespace, namespace));
      PlanVolumeSelection selection = volume.getSelection();
      if (selection != null && selection.getStorageClass() != null && !selection.getStorageClass().isBlank()) {
        claim.setTargetStorageClass(selection.getStorageClass());
      }
      if (selection != null && selection.getAccessMode() != null && !selection.getAccessMode().isBlank()) {
        claim.setTargetAccessModes(List.of(selection.getAccessMode()));
      } else if (volume.getPvc().getAccessModes() != null && !volume.getPvc().getAccessModes().isEmpty()) {
        claim.setTargetAccessModes(List.copyOf(volume.getPvc().getAccessModes()));
      }
      if (volume.getPvc().getVolumeMode() != null) {
        claim.setTargetVolumeMode(volume.getPvc().getVolumeMode());
      }
      claim.setVerify(selection != null && Boolean.TRUE.equals(selection.getVerify()) ? true : null);
      claims.add(claim);
    }
    return claims;
  }

  static PvAction action(PlanVolume volume) {
    return volume.getSelection() == null || volume.getSelection().getAction() == null ? PvAction.COPY
        : volume.getSelection().getAction();
  }

  /** {@code namespace/name} of a claim on the source. */
  public static String sourceKey(PvcToMigrate claim) {
    return claim.getNamespace() + "/" + claim.getName();
  }

  /** {@code namespace/name} of a claim on the destination. */
  public static String targetKey(PvcToMigrate claim) {
    return targetNamespace(claim) + "/" + targetName(claim);
  }

  public static String targetName(PvcToMigrate claim) {
    return claim.getTargetName() != null ? claim.getTargetName() : claim.getName();
  }

  public static String targetNamespace(PvcToMigrate claim) {
    return claim.getTargetNamespace() != null ? claim.getTargetNamespace() : claim.getNamespace();
  }
}
