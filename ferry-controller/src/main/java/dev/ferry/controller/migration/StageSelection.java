package dev.ferry.controller.migration;

import dev.ferry.api.migration.plan.PlanVolume;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the stage backup selects, as MTC marks it: the plan's claims on the source and their
 * volumes carry {@code migration-included-stage-backup: <migration uid>} while the stage backup
 * runs; the label is removed once the backup is done, so the source application is left as found.
 */
final class StageSelection {
  private StageSelection() {
  }

  static void label(MigrationContext context) {
    set(context, context.migration().getMetadata().getUid());
  }

  static void unlabel(MigrationContext context) {
    set(context, null);
  }

  /** The source volumes' reclaim policies before the migration retained any, lower case (MTC's annotation). */
  static String originalReclaimPolicies(MigrationContext context) {
    Set<String> policies = new LinkedHashSet<>();
    for (PlanVolume volume : volumes(context)) {
      PersistentVolume pv = volume.getName() == null ? null
          : context.source().persistentVolumes().withName(volume.getName()).get();
      if (pv == null) {
        continue;
      }
      var annotations = pv.getMetadata().getAnnotations();
      String original = annotations == null ? null : annotations.get(MovedVolumes.ORIGINAL_POLICY);
      String policy = original != null ? original : pv.getSpec().getPersistentVolumeReclaimPolicy();
      if (policy != null) {
        policies.add(policy.toLowerCase(Locale.ROOT));
      }
    }
    return String.join(",", policies);
  }

  private static void set(MigrationContext context, String value) {
    KubernetesClient source = context.source();
    for (PlanVolume volume : volumes(context)) {
      try {
        if (volume.getPvc() != null && volume.getPvc().getName() != null) {
          var claim = source.persistentVolumeClaims().inNamespace(volume.getPvc().getNamespace())
              .withName(volume.getPvc().getName().split(":", 2)[0]);
          if (claim.get() != null) {
            claim.edit(c -> relabel(c, value));
          }
        }
        if (volume.getName() != null) {
          var pv = source.persistentVolumes().withName(volume.getName());
          if (pv.get() != null) {
            pv.edit(p -> relabel(p, value));
          }
        }
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          throw e; // gone meanwhile: nothing to select or clean
        }
      }
    }
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T relabel(T object, String value) {
    var labels = object.getMetadata().getLabels() == null ? new java.util.HashMap<String, String>()
        : new java.util.HashMap<>(object.getMetadata().getLabels());
    if (value == null) {
      labels.remove(VeleroCr.STAGE_SELECTOR);
    } else {
      labels.put(VeleroCr.STAGE_SELECTOR, value);
    }
    object.getMetadata().setLabels(labels);
    return object;
  }

  private static List<PlanVolume> volumes(MigrationContext context) {
    var volumes = context.plan().getSpec().getPersistentVolumes();
    return volumes == null ? List.of() : volumes;
  }
}
