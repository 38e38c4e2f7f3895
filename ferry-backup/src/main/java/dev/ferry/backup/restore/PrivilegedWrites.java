package dev.ferry.backup.restore;

import dev.ferry.backup.model.GroupResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Set;

/**
 * For a restore that runs as a tenant: the cluster-scoped resources a cluster admin allowed the
 * controller to create on the tenant's behalf, and the controller's own client to create them
 * with. Everything else goes through the restore's (the tenant's) client, so the API server's RBAC
 * decides.
 */
public record PrivilegedWrites(KubernetesClient client, Set<GroupResource> allowed) {
  public PrivilegedWrites {
    allowed = Set.copyOf(allowed);
  }

  boolean covers(GroupResource resource, boolean clusterScoped) {
    return clusterScoped && allowed.contains(resource);
  }
}
