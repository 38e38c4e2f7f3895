package dev.ferry.backup.discovery;

import dev.ferry.backup.model.GroupResource;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a cluster serves, read from its discovery endpoints (never a fixed list), at each
 * group's preferred version. Subresources are left out.
 */
public final class ApiDiscovery {
  private final Map<GroupResource, ApiResource> byGroupResource;

  private ApiDiscovery(Map<GroupResource, ApiResource> byGroupResource) {
    this.byGroupResource = byGroupResource;
  }

  public static ApiDiscovery of(KubernetesClient client) {
    Map<GroupResource, ApiResource> found = new LinkedHashMap<>();
    addAll(found, "", "v1", client.getApiResources("v1"));
    for (APIGroup group : client.getApiGroups().getGroups()) {
      String version = group.getPreferredVersion() != null ? group.getPreferredVersion().getVersion()
          : group.getVersions().get(0).getVersion();
      try {
        addAll(found, group.getName(), version, client.getApiResources(group.getName() + "/" + version));
      } catch (KubernetesClientException e) {
        // An aggregated API that is down (e.g. metrics) must not stop discovery of the rest.
        if (e.getCode() != 503 && e.getCode() != 404) {
          throw e;
        }
      }
    }
    return new ApiDiscovery(found);
  }

  /** For tests and callers that already know the resources. */
  public static ApiDiscovery of(List<ApiResource> resources) {
    Map<GroupResource, ApiResource> found = new LinkedHashMap<>();
    resources.forEach(r -> found.put(r.groupResource(), r));
    return new ApiDiscovery(found);
  }

  private static void addAll(Map<GroupResource, ApiResource> found, String group, String version, APIResourceList list) {
    if (list == null) {
      return;
    }
    for (APIResource r : list.getResources()) {
      if (r.getName().contains("/")) {
        continue; // subresource such as pods/log
      }
      ApiResource resource = new ApiResource(group, version, r.getName(), r.getKind(),
          Boolean.TRUE.equals(r.getNamespaced()), r.getVerbs() == null ? List.of() : List.copyOf(r.getVerbs()));
      found.putIfAbsent(resource.groupResource(), resource);
    }
  }

  public Optional<ApiResource> find(GroupResource groupResource) {
    return Optional.ofNullable(byGroupResource.get(groupResource));
  }

  /** The resource serving {@code kind} in {@code group}, if any. */
  public Optional<ApiResource> findKind(String group, String kind) {
    return byGroupResource.values().stream().filter(r -> r.group().equals(group) && r.kind().equals(kind)).findFirst();
  }

  public List<ApiResource> all() {
    return new ArrayList<>(byGroupResource.values());
  }

  public List<ApiResource> namespaced() {
    return byGroupResource.values().stream().filter(ApiResource::namespaced).toList();
  }
}
