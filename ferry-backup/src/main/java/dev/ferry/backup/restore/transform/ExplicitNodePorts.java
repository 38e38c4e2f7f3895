package dev.ferry.backup.restore.transform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.backup.model.Json;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Which node ports of a Service its owner chose, as opposed to ones the API server allocated.
 * A chosen port is part of how the application is reached (firewall rules, load balancers outside
 * the cluster point at it), so a restore keeps it; an allocated one is only where the source
 * cluster happened to put it, and the destination allocates its own. Two records say "chosen":
 * <ul>
 *   <li>{@code kubectl.kubernetes.io/last-applied-configuration} naming the port's nodePort
 *       (what Velero looks at: the manifest the user applied);</li>
 *   <li>managed fields in which a manager owns {@code f:nodePort} of that port (a create or
 *       apply that set it; the allocator's assignment is owned by nobody).</li>
 * </ul>
 * Ports are matched by their {@code port}+{@code protocol} key, as the API server keys them.
 */
final class ExplicitNodePorts {
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private ExplicitNodePorts() {
  }

  /** Keys {@code "<port>/<protocol>"} of the ports whose nodePort the owner set. */
  static Set<String> of(JsonNode service) {
    Set<String> keys = new HashSet<>();
    fromLastApplied(service, keys);
    fromManagedFields(service, keys);
    return keys;
  }

  /** Whether the owner set {@code spec.healthCheckNodePort} (same two records). */
  static boolean healthCheckPortSet(JsonNode service) {
    String lastApplied = ObjectPaths.text(service, "metadata", "annotations", LAST_APPLIED);
    if (lastApplied != null && !lastApplied.isBlank()) {
      try {
        if (Json.MAPPER.readTree(lastApplied).path("spec").path("healthCheckNodePort").asInt() != 0) {
          return true;
        }
      } catch (Exception e) {
        // not JSON: fall through to the managed fields
      }
    }
    for (JsonNode entry : service.path("metadata").path("managedFields")) {
      if (entry.path("fieldsV1").path("f:spec").has("f:healthCheckNodePort")) {
        return true;
      }
    }
    return false;
  }

  static String key(JsonNode port) {
    return port.path("port").asInt() + "/" + port.path("protocol").asText("TCP");
  }

  private static void fromLastApplied(JsonNode service, Set<String> keys) {
    String lastApplied = ObjectPaths.text(service, "metadata", "annotations", LAST_APPLIED);
    if (lastApplied == null || lastApplied.isBlank()) {
      return;
    }
    JsonNode applied;
    try {
      applied = Json.MAPPER.readTree(lastApplied);
    } catch (Exception e) {
      return; // not JSON: nothing the user can be shown to have chosen
    }
    for (JsonNode port : applied.path("spec").path("ports")) {
      if (port.hasNonNull("nodePort") && port.path("nodePort").asInt() != 0) {
        keys.add(key(port));
      }
    }
  }

  private static void fromManagedFields(JsonNode service, Set<String> keys) {
    for (JsonNode entry : service.path("metadata").path("managedFields")) {
      JsonNode ports = entry.path("fieldsV1").path("f:spec").path("f:ports");
      for (Iterator<String> it = ports.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (!field.startsWith("k:") || !ports.path(field).has("f:nodePort")) {
          continue;
        }
        try {
          JsonNode portKey = Json.MAPPER.readTree(field.substring(2));
          keys.add(key(portKey));
        } catch (Exception e) {
          // a key we cannot read names no port we could match
        }
      }
    }
  }
}
