package dev.ferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The few lines a user would write (usually with jq) between {@code kubectl get -o json} and
 * {@code kubectl create -f}: point every item at the new namespace and drop what the source
 * API server owns, or {@code create} refuses the object. Objects the cluster makes by itself in
 * every namespace (the {@code kube-root-ca.crt} ConfigMap) are dropped too: they already exist.
 */
final class KubectlListRewrite {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> SERVER_OWNED_METADATA =
      List.of("uid", "resourceVersion", "creationTimestamp", "managedFields", "selfLink", "generation");

  private KubectlListRewrite() {
  }

  /** Rewrites the List in {@code in} into {@code out}; returns how many items it kept. */
  static int rewrite(Path in, Path out, String namespace) throws IOException {
    JsonNode list = JSON.readTree(in.toFile());
    ObjectNode result = rewrite(list, namespace);
    JSON.writeValue(out.toFile(), result);
    return result.get("items").size();
  }

  static ObjectNode rewrite(JsonNode list, String namespace) {
    ObjectNode result = JSON.createObjectNode();
    result.put("apiVersion", "v1");
    result.put("kind", "List");
    ArrayNode items = result.putArray("items");
    for (JsonNode node : list.path("items")) {
      ObjectNode item = (ObjectNode) node;
      String kind = item.path("kind").asText();
      ObjectNode metadata = (ObjectNode) item.get("metadata");
      if (kind.equals("ConfigMap") && metadata.path("name").asText().equals("kube-root-ca.crt")) {
        continue;
      }
      metadata.remove(SERVER_OWNED_METADATA);
      metadata.put("namespace", namespace);
      item.remove("status");
      if (kind.equals("Service") && item.get("spec") instanceof ObjectNode spec
          && !"None".equals(spec.path("clusterIP").asText())) {
        spec.remove(List.of("clusterIP", "clusterIPs"));
      }
      items.add(item);
    }
    return result;
  }
}
