package dev.ferry.backup.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Identifies one backed-up object: its group/resource, the API version it was read at, its
 * namespace ({@code null} when cluster-scoped) and name.
 */
public record ItemKey(GroupResource groupResource, String version, String namespace, String name) {

  public ItemKey {
    Objects.requireNonNull(groupResource, "groupResource");
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty item name for " + groupResource);
    }
    // The API returns "" for cluster-scoped objects; one representation keeps equality simple.
    if (namespace != null && namespace.isEmpty()) {
      namespace = null;
    }
  }

  /**
   * Builds the key of an object from its JSON: version from {@code apiVersion}, namespace and name
   * from {@code metadata}.
   */
  public static ItemKey of(GroupResource groupResource, JsonNode object) {
    String apiVersion = object.path("apiVersion").asText("");
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    JsonNode metadata = object.path("metadata");
    String namespace = metadata.path("namespace").asText("");
    return new ItemKey(groupResource, version.isEmpty() ? null : version,
        namespace, metadata.path("name").asText(""));
  }

  public boolean isClusterScoped() {
    return namespace == null;
  }

  /** {@code ns/name}, or {@code name} when cluster-scoped — the form Velero uses in lists. */
  public String namespacedName() {
    return namespace == null ? name : namespace + "/" + name;
  }

  @Override
  public String toString() {
    return groupResource.qualified() + (version == null ? "" : "/" + version) + " "
        + namespacedName();
  }
}
