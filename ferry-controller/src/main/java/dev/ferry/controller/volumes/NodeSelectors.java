package dev.ferry.controller.volumes;

import io.fabric8.kubernetes.api.model.Namespace;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A namespace's node selector ({@code openshift.io/node-selector: "region=east,zone=a"}), which
 * OpenShift applies to every pod of the namespace; transfer pods get it explicitly so they run
 * where the namespace's workloads may. Model only.
 */
public final class NodeSelectors {
  public static final String NAMESPACE_ANNOTATION = "openshift.io/node-selector";

  private NodeSelectors() {
  }

  public static String annotation(Namespace namespace) {
    if (namespace == null || namespace.getMetadata().getAnnotations() == null) {
      return null;
    }
    String value = namespace.getMetadata().getAnnotations().get(NAMESPACE_ANNOTATION);
    return value == null || value.isBlank() ? null : value;
  }

  /** {@code k=v,k2=v2} as a map; malformed entries are ignored rather than failing the copy. */
  public static Map<String, String> parse(String annotation) {
    Map<String, String> selector = new LinkedHashMap<>();
    if (annotation == null) {
      return selector;
    }
    for (String entry : annotation.split(",")) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        selector.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
      }
    }
    return selector;
  }
}
