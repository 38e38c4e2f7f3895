package dev.ferry.backup.restore.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.model.ItemKey;
import dev.ferry.backup.model.KnownResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Services get new cluster IPs on the destination (the source's are from another service CIDR, or
 * taken) — except headless ones, whose {@code clusterIP: None} is what makes them headless — and
 * new node ports unless the restore preserves them (they may clash on the destination). A node
 * port the Service's owner set explicitly is kept all the same (Velero's rule): it is part of how
 * the application is reached, see {@link ExplicitNodePorts}. Runs before StripServerFields, which
 * removes the managed fields that record who set a port.
 */
public final class ServiceCleanup implements RestoreTransform {

  @Override
  public String name() {
    return "ServiceCleanup";
  }

  @Override
  public TransformResult apply(ItemKey key, ObjectNode object, TransformContext context) {
    if (!KnownResources.SERVICES.equals(key.groupResource())) {
      return TransformResult.none();
    }
    JsonNode spec = object.path("spec");
    List<JsonNode> ops = new ArrayList<>();
    if (!"None".equals(ObjectPaths.text(spec, "clusterIP"))) {
      ObjectPaths.removeIfPresent(spec, "/spec", "clusterIP", ops);
      ObjectPaths.removeIfPresent(spec, "/spec", "clusterIPs", ops);
    }
    if (!context.preserveNodePorts()) {
      Set<String> explicit = ExplicitNodePorts.of(object);
      JsonNode ports = spec.path("ports");
      for (int i = 0; i < ports.size(); i++) {
        if (!explicit.contains(ExplicitNodePorts.key(ports.get(i)))) {
          ObjectPaths.removeIfPresent(ports.get(i), "/spec/ports/" + i, "nodePort", ops);
        }
      }
      if (!ExplicitNodePorts.healthCheckPortSet(object)) {
        ObjectPaths.removeIfPresent(spec, "/spec", "healthCheckNodePort", ops);
      }
    }
    return TransformResult.patches(ops);
  }
}
