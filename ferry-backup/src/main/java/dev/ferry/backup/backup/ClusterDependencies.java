package dev.ferry.backup.backup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.backup.model.GroupResource;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cluster-scoped objects that the namespaced objects of a backup depend on, gathered while
 * they stream past: PVs bound to claims, the service accounts (for SCCs and cluster role
 * bindings that name them), and custom resource types (for their CRDs).
 */
public final class ClusterDependencies {
  private final Set<String> persistentVolumes = new TreeSet<>();
  private final Set<String> serviceAccounts = new TreeSet<>();
  private final Set<GroupResource> customResources = new TreeSet<>();

  /** Notes what {@code object} (of {@code groupResource}) needs at cluster scope. */
  public void note(GroupResource groupResource, JsonNode object) {
    String namespace = object.path("metadata").path("namespace").asText();
    if (groupResource.group().isEmpty() && groupResource.resource().equals("persistentvolumeclaims")) {
      String volume = object.path("spec").path("volumeName").asText("");
      if (!volume.isEmpty()) {
        persistentVolumes.add(volume);
      }
    } else if (groupResource.group().isEmpty() && groupResource.resource().equals("serviceaccounts")) {
      serviceAccounts.add(namespace + ":" + object.path("metadata").path("name").asText());
    }
  }

  /** Notes a resource type served through a CustomResourceDefinition. */
  public void noteCustomResource(GroupResource groupResource) {
    customResources.add(groupResource);
  }

  public Set<String> persistentVolumes() {
    return persistentVolumes;
  }

  /** {@code namespace:name} of every service account in the backup. */
  public Set<String> serviceAccounts() {
    return serviceAccounts;
  }

  /** CRD names ({@code plural.group}) of the custom resources in the backup. */
  public Set<String> crdNames() {
    Set<String> names = new TreeSet<>();
    customResources.forEach(gr -> names.add(gr.resource() + "." + gr.group()));
    return names;
  }

  /** True when a subject (user string or RBAC subject) refers to a service account in the backup. */
  public boolean namesServiceAccount(String kind, String name, String namespace) {
    if ("ServiceAccount".equals(kind)) {
      return serviceAccounts.contains(namespace + ":" + name);
    }
    if ("User".equals(kind) && name != null && name.startsWith("system:serviceaccount:")) {
      String[] parts = name.split(":");
      return parts.length == 4 && serviceAccounts.contains(parts[2] + ":" + parts[3]);
    }
    return false;
  }
}
