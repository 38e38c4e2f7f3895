package dev.ferry.backup.discovery;

import dev.ferry.backup.model.GroupResource;
import java.util.List;

/** One resource a cluster serves, at its preferred version. */
public record ApiResource(String group, String version, String resource, String kind, boolean namespaced,
                          List<String> verbs) {

  public GroupResource groupResource() {
    return new GroupResource(group, resource);
  }

  /** {@code v1} or {@code apps/v1}. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** Addresses the resource directly, without the client looking up the plural by kind. */
  public io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext context() {
    return new io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext.Builder()
        .withGroup(group).withVersion(version).withPlural(resource).withKind(kind).withNamespaced(namespaced).build();
  }

  public boolean can(String verb) {
    return verbs.contains(verb);
  }
}
