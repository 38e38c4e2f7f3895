package dev.ferry.controller.tenancy;

import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.controller.storage.MigStorageLocations;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;

/**
 * What the self-service reconcilers share: the objects outside the controller's namespace are
 * tenants', and each is checked ({@link TenantPlanCheck}) or run ({@link TenantMigration}) the same way.
 */
public record TenantScope(ClusterClients clusters, MigStorageLocations storages, String controllerNamespace,
    Clock clock) {

  /** Whether the object is a tenant's (the cluster admin's live in the controller's namespace). */
  boolean owns(HasMetadata object) {
    return !controllerNamespace.equals(object.getMetadata().getNamespace());
  }

  /** A tenant plan check whose host-cluster reads go through {@code host}. */
  TenantPlanCheck planCheck(KubernetesClient host) {
    return new TenantPlanCheck(host, clusters, storages, controllerNamespace);
  }

  /** A tenant migration whose host-cluster reads and writes go through {@code host}. */
  TenantMigration migration(KubernetesClient host) {
    return new TenantMigration(planCheck(host), clock);
  }
}
