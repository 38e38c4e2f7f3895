package dev.ferry.controller.plan.model;

import static dev.ferry.controller.plan.model.PlanConditions.CLUSTER_VERSION_MISMATCH;
import static dev.ferry.controller.plan.model.PlanConditions.DESTINATION_CLUSTER_NOT_READY;
import static dev.ferry.controller.plan.model.PlanConditions.INVALID_DESTINATION_CLUSTER_REF;
import static dev.ferry.controller.plan.model.PlanConditions.INVALID_SOURCE_CLUSTER_REF;
import static dev.ferry.controller.plan.model.PlanConditions.INVALID_STORAGE_REF;
import static dev.ferry.controller.plan.model.PlanConditions.SOURCE_CLUSTER_NOT_READY;
import static dev.ferry.controller.plan.model.PlanConditions.STORAGE_NOT_READY;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import java.util.List;
import java.util.Objects;

/** The plan's references: both clusters and the storage exist and are Ready. */
final class ReferenceChecks {
  private ReferenceChecks() {
  }

  static void check(PlanSnapshot s, List<Condition> out) {
    cluster(s, s.source(), s.sourceCluster(), "source", "srcMigClusterRef", INVALID_SOURCE_CLUSTER_REF,
        SOURCE_CLUSTER_NOT_READY, out);
    cluster(s, s.destination(), s.destinationCluster(), "destination", "destMigClusterRef",
        INVALID_DESTINATION_CLUSTER_REF, DESTINATION_CLUSTER_NOT_READY, out);
    storage(s, out);
    versions(s, out);
  }

  private static void cluster(PlanSnapshot s, ClusterState state, ClusterInspection inspection, String role,
                              String field, String invalidType, String notReadyType, List<Condition> out) {
    if (!state.refSet()) {
      out.add(Condition.of(invalidType, Category.CRITICAL, "NotSet", "The " + role + " cluster is not set: set "
          + "spec." + field + " to the name (and namespace) of a MigCluster."));
    } else if (!state.found()) {
      out.add(Condition.of(invalidType, Category.CRITICAL, "NotFound", "spec." + field + " names MigCluster "
          + s.namespaceOf(state.ref()) + "/" + state.ref().getName() + ", which does not exist: create it or fix "
          + "the reference."));
    } else if (!state.ready()) {
      out.add(Condition.of(notReadyType, Category.CRITICAL, "NotReady", "The " + role + " cluster "
          + state.name() + " is not ready: " + state.notReadyReason()
          + (state.notReadyReason().endsWith(".") ? "" : ".") + " Fix the MigCluster; the plan is validated "
          + "again when it becomes ready."));
    } else if (inspection != null && inspection.inspected() && inspection.error() != null) {
      out.add(Condition.of(notReadyType, Category.CRITICAL, "InspectionFailed", "The " + role + " cluster "
          + state.name() + " could not be inspected: " + inspection.error() + ". The plan is validated again "
          + "in two minutes, or set spec.refresh: true."));
    }
  }

  private static void storage(PlanSnapshot s, List<Condition> out) {
    var ref = s.storageRef();
    if (ref == null || ref.getName() == null || ref.getName().isBlank()) {
      out.add(Condition.of(INVALID_STORAGE_REF, Category.CRITICAL, "NotSet", "The replication repository is not "
          + "set: set spec.migStorageRef to the name (and namespace) of a MigStorage."));
    } else if (s.storage() == null) {
      out.add(Condition.of(INVALID_STORAGE_REF, Category.CRITICAL, "NotFound", "spec.migStorageRef names MigStorage "
          + s.namespaceOf(ref) + "/" + ref.getName() + ", which does not exist: create it or fix the reference."));
    } else if (!s.storageReady()) {
      String why = s.storage().getStatus() == null ? "it has not been validated yet"
          : s.storage().getStatus().conditions().withCategory(Category.CRITICAL, Category.ERROR).stream()
              .map(Condition::getMessage).filter(Objects::nonNull).findFirst().orElse("it is not Ready");
      out.add(Condition.of(STORAGE_NOT_READY, Category.CRITICAL, "NotReady", "The replication repository "
          + s.storage().getMetadata().getName() + " is not ready: " + why + (why.endsWith(".") ? "" : ".")
          + " Fix the MigStorage; the plan is validated again when it becomes ready."));
    }
  }

  /** MTC compares the toolkit versions installed on both clusters: mixed versions may not interoperate. */
  private static void versions(PlanSnapshot s, List<Condition> out) {
    if (!s.source().ready() || !s.destination().ready()) {
      return;
    }
    String src = s.source().cluster().getStatus().getOperatorVersion();
    String dest = s.destination().cluster().getStatus().getOperatorVersion();
    if (src != null && dest != null && !src.equals(dest)) {
      out.add(Condition.of(CLUSTER_VERSION_MISMATCH, Category.WARN, "VersionMismatch", "The migration toolkit "
          + "versions differ: " + src + " on the source cluster, " + dest + " on the destination cluster. Install "
          + "the same version on both."));
    }
  }
}
