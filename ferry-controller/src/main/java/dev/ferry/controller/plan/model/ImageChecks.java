package dev.ferry.controller.plan.model;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import java.util.List;

/**
 * Image streams need both clusters' exposed registries: without one, their images cannot be
 * migrated (the migration then warns and leaves them behind), so the plan says so up front.
 */
final class ImageChecks {
  private ImageChecks() {
  }

  static void check(PlanSnapshot s, List<Condition> out) {
    List<String> streams = s.sourceCluster().imageStreams();
    if (streams.isEmpty()) {
      return;
    }
    noRegistryPath(s.source(), PlanConditions.SOURCE_CLUSTER_NO_REGISTRY_PATH, "source", streams, out);
    noRegistryPath(s.destination(), PlanConditions.DESTINATION_CLUSTER_NO_REGISTRY_PATH, "destination", streams, out);
  }

  private static void noRegistryPath(ClusterState cluster, String type, String role, List<String> streams,
      List<Condition> out) {
    if (!cluster.found()) {
      return;
    }
    String path = cluster.cluster().getSpec() == null ? null : cluster.cluster().getSpec().getExposedRegistryPath();
    if (path != null && !path.isBlank()) {
      return;
    }
    out.add(Condition.of(type, Category.WARN, "NotSet", "The " + role + " MigCluster " + cluster.name()
        + " has no exposedRegistryPath, so the images of the plan's " + streams.size() + " image stream(s) cannot "
        + "be migrated. Expose the cluster's image registry (a route) and set exposedRegistryPath to its host.")
        .withItems(streams));
  }
}
