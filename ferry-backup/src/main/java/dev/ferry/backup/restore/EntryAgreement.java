package dev.ferry.backup.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.discovery.ApiResource;
import dev.ferry.backup.format.ItemRef;
import java.util.Optional;

/**
 * Whether a backup item's content agrees with the tar entry it was stored under. The entry's
 * path decides the resource, namespace and name (Velero's rule: a restore never takes where to
 * write from the content); the content may only confirm it. A tarball is untrusted, so an item
 * whose content says otherwise — another kind, another name, another namespace — is refused
 * rather than silently re-filed. Pure: no cluster calls.
 */
public final class EntryAgreement {

  private EntryAgreement() {
  }

  /**
   * @param entry  the tar entry name, for the message
   * @param served the resource as the destination serves it, when it does (it may not yet: a CRD
   *               restored by this restore); scope and kind are checked against it
   * @return null when they agree, else what disagrees, naming the entry
   */
  public static String disagreement(ItemRef ref, String entry, ObjectNode content,
      Optional<ApiResource> served) {
    String problem = problem(ref, content, served);
    return problem == null ? null : "backup entry " + entry + " " + problem + "; not restored";
  }

  private static String problem(ItemRef ref, ObjectNode content, Optional<ApiResource> served) {
    String group = ref.groupResource().group();
    String apiVersion = text(content.get("apiVersion"));
    String kind = text(content.get("kind"));
    if (apiVersion == null || kind == null) {
      return "has no apiVersion or kind";
    }
    String contentGroup = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    if (!contentGroup.equals(group)) {
      return "holds a " + kind + " of apiVersion " + apiVersion + ", but its path files it under "
          + ref.groupResource().qualified() + " (API group " + (group.isEmpty() ? "core" : group) + ")";
    }
    if (served.isPresent()) {
      ApiResource api = served.get();
      if (!api.kind().equals(kind)) {
        return "holds a " + kind + ", but the destination serves " + api.kind() + " under "
            + ref.groupResource().qualified();
      }
      if (api.namespaced() == ref.isClusterScoped()) {
        return ref.isClusterScoped()
            ? "is filed as cluster-scoped, but " + ref.groupResource().qualified() + " is namespaced"
            : "is filed under namespace " + ref.namespace() + ", but " + ref.groupResource().qualified()
                + " is cluster-scoped";
      }
    }
    JsonNode metadata = content.get("metadata");
    if (!(metadata instanceof ObjectNode)) {
      return "has no metadata object";
    }
    String name = text(metadata.get("name"));
    if (!ref.name().equals(name)) {
      return "names " + (name == null ? "no object" : "\"" + name + "\"") + " in metadata.name, but its path names \""
          + ref.name() + "\"";
    }
    JsonNode namespaceNode = metadata.get("namespace");
    String namespace = text(namespaceNode);
    if (namespaceNode != null && !namespaceNode.isNull() && namespace == null) {
      return "has a metadata.namespace that is not a string";
    }
    if (namespace != null && !namespace.isEmpty() && !namespace.equals(ref.namespace())) {
      return "names namespace " + namespace + " in metadata.namespace, but its path puts it "
          + (ref.isClusterScoped() ? "at cluster scope" : "in namespace " + ref.namespace());
    }
    return null;
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : null;
  }
}
