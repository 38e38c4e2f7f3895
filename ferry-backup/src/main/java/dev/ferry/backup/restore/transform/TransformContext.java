package dev.ferry.backup.restore.transform;

import dev.ferry.backup.model.GroupResource;
import java.util.Map;
import java.util.Set;

/**
 * What the transforms of one restore need to know.
 *
 * @param namespaceMapping source namespace → destination namespace (unmapped ones keep their name)
 * @param sourceRegistry host[:port] of the source cluster's internal registry, or null
 * @param destinationRegistry host[:port] of the destination's internal registry, or null
 * @param restoreStatus keep {@code status} of every object
 * @param restoreStatusFor keep {@code status} of these resources only
 * @param preserveNodePorts keep services' node ports
 */
public record TransformContext(
    Map<String, String> namespaceMapping,
    String sourceRegistry,
    String destinationRegistry,
    boolean restoreStatus,
    Set<GroupResource> restoreStatusFor,
    boolean preserveNodePorts) {

  public TransformContext {
    namespaceMapping = namespaceMapping == null ? Map.of() : Map.copyOf(namespaceMapping);
    restoreStatusFor = restoreStatusFor == null ? Set.of() : Set.copyOf(restoreStatusFor);
  }

  /** No mapping, no registries, no status, node ports reallocated. */
  public static TransformContext defaults() {
    return new TransformContext(Map.of(), null, null, false, Set.of(), false);
  }

  public static TransformContext withNamespaceMapping(Map<String, String> namespaceMapping) {
    return new TransformContext(namespaceMapping, null, null, false, Set.of(), false);
  }

  /** The destination name of a source namespace (itself when not mapped). */
  public String mapNamespace(String namespace) {
    return namespace == null ? null : namespaceMapping.getOrDefault(namespace, namespace);
  }

  /** True when {@code namespace} is mapped to a different name. */
  public boolean remaps(String namespace) {
    return namespace != null && !mapNamespace(namespace).equals(namespace);
  }

  public boolean keepsStatusOf(GroupResource groupResource) {
    return restoreStatus || restoreStatusFor.contains(groupResource);
  }
}
