package dev.ferry.controller.plan.model;

import static dev.ferry.controller.plan.model.PlanConditions.PV_INVALID_ACCESS_MODE;
import static dev.ferry.controller.plan.model.PlanConditions.PV_INVALID_ACTION;
import static dev.ferry.controller.plan.model.PlanConditions.PV_INVALID_COPY_METHOD;
import static dev.ferry.controller.plan.model.PlanConditions.PV_INVALID_STORAGE_CLASS;
import static dev.ferry.controller.plan.model.PlanConditions.PV_LIMIT_EXCEEDED;
import static dev.ferry.controller.plan.model.PlanConditions.PV_NO_STORAGE_CLASS_SELECTION;
import static dev.ferry.controller.plan.model.PlanConditions.PV_WARN_COPY_METHOD_SNAPSHOT;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.plan.CopyMethod;
import dev.ferry.api.migration.plan.PlanVolume;
import dev.ferry.api.migration.plan.PlanVolumeSelection;
import dev.ferry.api.migration.plan.PvAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The selections of spec.persistentVolumes: possible for each volume, and the volume count within the limit. */
final class VolumeChecks {
  static final Set<String> ACCESS_MODES = Set.of("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod");

  private VolumeChecks() {
  }

  static void check(PlanSnapshot s, List<PlanVolume> volumes, List<Condition> out) {
    int limit = s.settings().pvLimit();
    if (volumes.size() > limit) {
      out.add(Condition.of(PV_LIMIT_EXCEEDED, Category.WARN, "LimitExceeded", "The plan's namespaces hold "
          + volumes.size() + " persistent volumes, more than the limit of " + limit + " (mig_pv_limit of the "
          + "MigrationController): split the plan, skip some volumes, or raise the limit."));
    }
    List<String> badAction = new ArrayList<>();
    List<String> badClass = new ArrayList<>();
    List<String> noClass = new ArrayList<>();
    List<String> badMode = new ArrayList<>();
    List<String> badMethod = new ArrayList<>();
    List<String> snapshot = new ArrayList<>();
    for (PlanVolume v : volumes) {
      PlanVolumeSelection sel = v.getSelection() == null ? new PlanVolumeSelection() : v.getSelection();
      List<PvAction> actions = v.getSupported() == null || v.getSupported().getActions() == null ? List.of()
          : v.getSupported().getActions();
      if (sel.getAction() == null || !actions.contains(sel.getAction())) {
        badAction.add(v.getName());
        continue;
      }
      if (sel.getAction() != PvAction.COPY) {
        continue;
      }
      if (sel.getStorageClass() == null || sel.getStorageClass().isBlank()) {
        noClass.add(v.getName());
      } else if (s.destinationCluster().usable()
          && !StorageClasses.has(s.destinationCluster().storageClasses(), sel.getStorageClass())) {
        badClass.add(v.getName());
      }
      if (sel.getAccessMode() != null && !ACCESS_MODES.contains(sel.getAccessMode())) {
        badMode.add(v.getName());
      }
      List<CopyMethod> methods = v.getSupported().getCopyMethods() == null ? List.of()
          : v.getSupported().getCopyMethods();
      if (sel.getCopyMethod() == null || !methods.contains(sel.getCopyMethod())) {
        badMethod.add(v.getName());
      } else if (sel.getCopyMethod() == CopyMethod.SNAPSHOT
          && (s.storage() == null || s.storage().getSpec() == null
              || s.storage().getSpec().getVolumeSnapshotProvider() == null)) {
        snapshot.add(v.getName());
      }
    }
    ListedItems.addIfAny(out, badAction, PV_INVALID_ACTION, Category.ERROR, "NotSupported", "Persistent volumes ",
        " have a selection.action that is not among their supported.actions: choose copy, skip, or move (NFS "
        + "and other shared remote volumes only).");
    ListedItems.addIfAny(out, badClass, PV_INVALID_STORAGE_CLASS, Category.ERROR, "NotFound", "Persistent volumes ",
        " select a storage class the destination cluster does not have: choose one of "
        + "status.destStorageClasses.");
    ListedItems.addIfAny(out, noClass, PV_NO_STORAGE_CLASS_SELECTION, Category.WARN, "NotSet", "Persistent volumes ",
        " have no selection.storageClass and the destination cluster has no default storage class: their "
        + "claims may never bind; choose one of status.destStorageClasses.");
    ListedItems.addIfAny(out, badMode, PV_INVALID_ACCESS_MODE, Category.ERROR, "NotValid", "Persistent volumes ",
        " select an access mode that does not exist: use ReadWriteOnce, ReadOnlyMany, ReadWriteMany or "
        + "ReadWriteOncePod.");
    ListedItems.addIfAny(out, badMethod, PV_INVALID_COPY_METHOD, Category.ERROR, "NotSupported",
        "Persistent volumes ",
        " have a selection.copyMethod that is not among their supported.copyMethods: use filesystem (block "
        + "for Block volumes) or snapshot.");
    ListedItems.addIfAny(out, snapshot, PV_WARN_COPY_METHOD_SNAPSHOT, Category.WARN, "NotConfigured",
        "Persistent volumes ",
        " use copy method snapshot, but the replication repository has no volumeSnapshotProvider: set it on "
        + "the MigStorage, or copy them with the filesystem method.");
  }
}
