package dev.ferry.controller.images;

import dev.ferry.api.migration.cluster.MigCluster;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Looks up the MigClusters an image migration names. */
final class MigClusters {
  private MigClusters() {
  }

  static MigCluster get(KubernetesClient host, ObjectReference ref, String defaultNamespace, String field) {
    if (ref == null || ref.getName() == null || ref.getName().isBlank()) {
      throw new InvalidImageMigrationException("spec." + field + " must name a MigCluster");
    }
    String namespace = ref.getNamespace() != null ? ref.getNamespace() : defaultNamespace;
    MigCluster cluster = host.resources(MigCluster.class).inNamespace(namespace).withName(ref.getName()).get();
    if (cluster == null) {
      throw new InvalidImageMigrationException("MigCluster " + namespace + "/" + ref.getName() + " named by spec."
          + field + " does not exist");
    }
    if (RegistryAccess.registryHost(cluster).isEmpty()) {
      throw new InvalidImageMigrationException("MigCluster " + namespace + "/" + ref.getName()
          + " has no spec.exposedRegistryPath, so its images cannot be reached; expose the cluster's image "
          + "registry (a route) and set exposedRegistryPath to its host");
    }
    return cluster;
  }

  /** A reference or setting of an image migration that makes it impossible to run. */
  static final class InvalidImageMigrationException extends RuntimeException {
    InvalidImageMigrationException(String message) {
      super(message);
    }
  }
}
