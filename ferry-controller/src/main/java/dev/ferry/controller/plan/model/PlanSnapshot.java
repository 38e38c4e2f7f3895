package dev.ferry.controller.plan.model;

import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.api.migration.plan.IncompatibleNamespace;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.controller.settings.ControllerSettings;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.List;
import java.util.Map;

/**
 * Everything plan validation looks at, read by the reconciler and judged by
 * {@link PlanValidator} without any further I/O.
 *
 * @param plan                   the MigPlan as read
 * @param settings               the MigrationController's limits and exclusions
 * @param source                 the source MigCluster
 * @param destination            the destination MigCluster
 * @param storageRef             spec.migStorageRef
 * @param storage                the MigStorage it names, or null
 * @param sourceCluster          what was read from the source cluster
 * @param destinationCluster     what was read from the destination cluster
 * @param otherPlans             the other MigPlans of the controller's namespace (closed ones too)
 * @param hooks                  the MigHooks the plan references that exist, by "namespace/name"
 * @param incompatibleNamespaces resources in use on the source that the destination does not serve, or
 *                               null when not checked
 */
public record PlanSnapshot(MigPlan plan, ControllerSettings settings, ClusterState source, ClusterState destination,
                           ObjectReference storageRef, MigStorage storage, ClusterInspection sourceCluster,
                           ClusterInspection destinationCluster, List<MigPlan> otherPlans, Map<String, MigHook> hooks,
                           List<IncompatibleNamespace> incompatibleNamespaces) {

  public PlanSnapshot {
    otherPlans = otherPlans == null ? List.of() : List.copyOf(otherPlans);
    hooks = hooks == null ? Map.of() : Map.copyOf(hooks);
  }

  /** The plan's namespace pairs, as written. */
  public List<NamespacePair> namespaces() {
    return NamespacePair.parseAll(plan.getSpec() == null ? null : plan.getSpec().getNamespaces());
  }

  /** The namespace a reference points into: its own, else the plan's. */
  public String namespaceOf(ObjectReference ref) {
    return ref == null || ref.getNamespace() == null || ref.getNamespace().isBlank()
        ? plan.getMetadata().getNamespace() : ref.getNamespace();
  }

  public boolean storageReady() {
    return storage != null && storage.getStatus() != null && storage.getStatus().conditions().ready();
  }
}
