package dev.ferry.controller.plan.model;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.cluster.MigCluster;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Locale;
import java.util.Objects;

/**
 * A MigCluster a plan references: the reference as written and the cluster it names (null when
 * the reference is unset or names nothing).
 */
public record ClusterState(ObjectReference ref, MigCluster cluster) {

  public boolean refSet() {
    return ref != null && ref.getName() != null && !ref.getName().isBlank();
  }

  public boolean found() {
    return cluster != null;
  }

  public boolean ready() {
    return cluster != null && cluster.getStatus() != null && cluster.getStatus().conditions().ready();
  }

  public String name() {
    return cluster != null ? cluster.getMetadata().getName() : ref == null ? null : ref.getName();
  }

  public boolean host() {
    return cluster != null && cluster.getSpec() != null && Boolean.TRUE.equals(cluster.getSpec().getIsHostCluster());
  }

  /** The cluster's first Critical or Error message, to say why it is not ready. */
  public String notReadyReason() {
    if (cluster == null || cluster.getStatus() == null) {
      return "it has not been validated yet";
    }
    return cluster.getStatus().conditions().list().stream()
        .filter(c -> c.holds() && c.getCategory() != null
            && (c.getCategory() == Category.CRITICAL || c.getCategory() == Category.ERROR))
        .map(Condition::getMessage).filter(Objects::nonNull).findFirst()
        .orElse("it is not Ready");
  }

  /** Whether both states name one cluster: the same MigCluster, two host MigClusters, or one URL. */
  public boolean sameClusterAs(ClusterState other) {
    if (cluster == null || other.cluster == null) {
      return false;
    }
    if (Objects.equals(cluster.getMetadata().getUid(), other.cluster.getMetadata().getUid())
        && cluster.getMetadata().getUid() != null) {
      return true;
    }
    if (Objects.equals(cluster.getMetadata().getNamespace(), other.cluster.getMetadata().getNamespace())
        && Objects.equals(cluster.getMetadata().getName(), other.cluster.getMetadata().getName())) {
      return true;
    }
    if (host() && other.host()) {
      return true;
    }
    String url = cluster.getSpec() == null ? null : normalized(cluster.getSpec().getUrl());
    return url != null && url.equals(other.cluster.getSpec() == null ? null : normalized(other.cluster.getSpec().getUrl()));
  }

  private static String normalized(String url) {
    return url == null || url.isBlank() ? null : url.trim().replaceAll("/+$", "").toLowerCase(Locale.ROOT);
  }
}
