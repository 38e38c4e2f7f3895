package dev.ferry.controller.plan.model;

import dev.ferry.api.migration.plan.CopyMethod;
import dev.ferry.api.migration.plan.NfsVolume;
import dev.ferry.api.migration.plan.PlanVolume;
import dev.ferry.api.migration.plan.PlanVolumeClaim;
import dev.ferry.api.migration.plan.PlanVolumeSelection;
import dev.ferry.api.migration.plan.PlanVolumeSupport;
import dev.ferry.api.migration.plan.PvAction;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the source's bound volumes into {@code spec.persistentVolumes}: every Bound PV whose claim
 * is in a plan namespace, with what can be done with it and a sensible default selection. What
 * the user already chose for a volume is kept; only unset choices get defaults.
 */
public final class PvDiscovery {
  static final String FILESYSTEM = "Filesystem";
  static final String BLOCK = "Block";

  private PvDiscovery() {
  }

  /**
   * @param namespaces   the plan's namespace pairs
   * @param volumes      the source's persistent volumes (others than Bound ones in plan namespaces are ignored)
   * @param claims       the claims of the plan's namespaces
   * @param pods         the pods of the plan's namespaces, to tell which claims are mounted and by what
   * @param destClasses  the destination's storage classes
   * @param existing     the current spec.persistentVolumes (null for none)
   */
  public static List<PlanVolume> discover(List<NamespacePair> namespaces, List<PersistentVolume> volumes,
                                          List<PersistentVolumeClaim> claims, List<Pod> pods,
                                          List<StorageClass> destClasses, List<PlanVolume> existing) {
    Map<String, NamespacePair> bySource = new HashMap<>();
    namespaces.forEach(p -> bySource.putIfAbsent(p.source(), p));
    Map<String, PlanVolume> previous = new HashMap<>();
    if (existing != null) {
      existing.stream().filter(v -> v.getName() != null).forEach(v -> previous.put(v.getName(), v));
    }
    List<PlanVolume> found = new ArrayList<>();
    for (PersistentVolume pv : volumes) {
      ObjectReference ref = pv.getSpec() == null ? null : pv.getSpec().getClaimRef();
      boolean bound = pv.getStatus() != null && "Bound".equals(pv.getStatus().getPhase());
      if (!bound || ref == null || !bySource.containsKey(ref.getNamespace())) {
        continue;
      }
      PersistentVolumeClaim claim = claims.stream()
          .filter(c -> ref.getNamespace().equals(c.getMetadata().getNamespace())
              && Objects.equals(ref.getName(), c.getMetadata().getName()))
          .findFirst().orElse(null);
      found.add(entry(pv, ref, claim, bySource.get(ref.getNamespace()), pods, destClasses,
          previous.get(pv.getMetadata().getName())));
    }
    found.sort(Comparator.comparing((PlanVolume v) -> v.getPvc().getNamespace())
        .thenComparing(v -> v.getPvc().getName()));
    return found;
  }

  private static PlanVolume entry(PersistentVolume pv, ObjectReference ref, PersistentVolumeClaim claim,
                                  NamespacePair pair, List<Pod> pods, List<StorageClass> destClasses,
                                  PlanVolume previous) {
    PlanVolume v = new PlanVolume();
    v.setName(pv.getMetadata().getName());
    v.setCapacity(pv.getSpec().getCapacity() == null ? null : pv.getSpec().getCapacity().get("storage"));
    String storageClass = pv.getSpec().getStorageClassName();
    if ((storageClass == null || storageClass.isBlank()) && claim != null && claim.getSpec() != null) {
      storageClass = claim.getSpec().getStorageClassName();
    }
    v.setStorageClass(storageClass == null || storageClass.isBlank() ? null : storageClass);
    v.setPvc(claim(pv, ref, claim, pair, pods, previous));
    if (pv.getSpec().getNfs() != null) {
      NfsVolume nfs = new NfsVolume();
      nfs.setServer(pv.getSpec().getNfs().getServer());
      nfs.setPath(pv.getSpec().getNfs().getPath());
      v.setNfs(nfs);
    }
    v.setSupported(supported(pv, v.getPvc().getVolumeMode()));
    v.setSelection(selection(v, destClasses, previous == null ? null : previous.getSelection()));
    if (previous != null) {
      v.setCapacityConfirmed(previous.getCapacityConfirmed());
      v.setProposedCapacity(previous.getProposedCapacity());
    }
    return v;
  }

  private static PlanVolumeClaim claim(PersistentVolume pv, ObjectReference ref, PersistentVolumeClaim claim,
                                       NamespacePair pair, List<Pod> pods, PlanVolume previous) {
    PlanVolumeClaim c = new PlanVolumeClaim();
    String name = ref.getName();
    // src:dest names the destination claim; a rename the user wrote is kept.
    String previousName = previous == null || previous.getPvc() == null ? null : previous.getPvc().getName();
    if (previousName != null && previousName.startsWith(name + ":") && previousName.length() > name.length() + 1) {
      c.setName(previousName);
    } else {
      c.setName(pair.mapped() ? name + ":" + name : name);
    }
    c.setNamespace(ref.getNamespace());
    List<String> modes = claim != null && claim.getSpec() != null && claim.getSpec().getAccessModes() != null
        && !claim.getSpec().getAccessModes().isEmpty() ? claim.getSpec().getAccessModes()
        : pv.getSpec().getAccessModes();
    c.setAccessModes(modes == null || modes.isEmpty() ? null : List.copyOf(modes));
    String mode = claim != null && claim.getSpec() != null ? claim.getSpec().getVolumeMode() : null;
    if (mode == null) {
      mode = pv.getSpec().getVolumeMode();
    }
    c.setVolumeMode(mode == null ? FILESYSTEM : mode);
    Pod user = pods.stream().filter(p -> ref.getNamespace().equals(p.getMetadata().getNamespace())
        && mounts(p, name)).findFirst().orElse(null);
    if (user != null) {
      c.setHasReference(Boolean.TRUE);
      c.setOwnerType(ownerType(user));
    }
    return c;
  }

  private static boolean mounts(Pod pod, String claimName) {
    if (pod.getSpec() == null || pod.getSpec().getVolumes() == null) {
      return false;
    }
    for (Volume volume : pod.getSpec().getVolumes()) {
      if (volume.getPersistentVolumeClaim() != null
          && claimName.equals(volume.getPersistentVolumeClaim().getClaimName())) {
        return true;
      }
    }
    return false;
  }

  /** The workload kind MTC reports, from the pod's controller and the labels its controllers set. */
  static String ownerType(Pod pod) {
    List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
    OwnerReference owner = owners == null ? null : owners.stream()
        .filter(o -> Boolean.TRUE.equals(o.getController())).findFirst()
        .orElse(owners.isEmpty() ? null : owners.get(0));
    Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
    if (owner == null) {
      return "Unknown";
    }
    return switch (owner.getKind()) {
      case "ReplicaSet" -> labels.containsKey("pod-template-hash") ? "Deployment" : "ReplicaSet";
      case "ReplicationController" -> labels.containsKey("deploymentconfig") ? "DeploymentConfig" : "Unknown";
      case "StatefulSet", "DaemonSet", "Job" -> owner.getKind();
      case "VirtualMachineInstance" -> "VirtualMachine";
      default -> "Unknown";
    };
  }

  /** copy and skip always; move for shared remote volumes, which the destination can mount as they are. */
  private static PlanVolumeSupport supported(PersistentVolume pv, String volumeMode) {
    PlanVolumeSupport s = new PlanVolumeSupport();
    List<PvAction> actions = new ArrayList<>(List.of(PvAction.COPY));
    if (pv.getSpec().getNfs() != null || pv.getSpec().getGlusterfs() != null || pv.getSpec().getCephfs() != null) {
      actions.add(PvAction.MOVE);
    }
    actions.add(PvAction.SKIP);
    s.setActions(actions);
    s.setCopyMethods(BLOCK.equals(volumeMode) ? List.of(CopyMethod.BLOCK, CopyMethod.SNAPSHOT)
        : List.of(CopyMethod.FILESYSTEM, CopyMethod.SNAPSHOT));
    return s;
  }

  private static PlanVolumeSelection selection(PlanVolume v, List<StorageClass> destClasses,
                                               PlanVolumeSelection chosen) {
    PlanVolumeSelection s = new PlanVolumeSelection();
    if (chosen != null) {
      s.setAction(chosen.getAction());
      s.setCopyMethod(chosen.getCopyMethod());
      s.setStorageClass(chosen.getStorageClass());
      s.setAccessMode(chosen.getAccessMode());
      s.setVerify(chosen.getVerify());
    }
    if (s.getAction() == null) {
      s.setAction(PvAction.COPY);
    }
    if (s.getCopyMethod() == null) {
      s.setCopyMethod(BLOCK.equals(v.getPvc().getVolumeMode()) ? CopyMethod.BLOCK : CopyMethod.FILESYSTEM);
    }
    if (s.getStorageClass() == null || s.getStorageClass().isBlank()) {
      s.setStorageClass(StorageClasses.has(destClasses, v.getStorageClass()) ? v.getStorageClass()
          : StorageClasses.defaultName(destClasses).orElse(null));
    }
    if (s.getAccessMode() == null && v.getPvc().getAccessModes() != null) {
      s.setAccessMode(v.getPvc().getAccessModes().get(0));
    }
    return s;
  }
}
