package dev.ferry.backup.restore.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.model.Json;
import java.util.List;

/** Small read helpers shared by the transforms. */
final class ObjectPaths {

  private ObjectPaths() {
  }

  /** The text at {@code object.a.b...}, or null when absent or not a string. */
  static String text(JsonNode object, String... path) {
    JsonNode node = object;
    for (String p : path) {
      node = node.path(p);
    }
    return node.isTextual() ? node.asText() : null;
  }

  /** Ops that remove {@code /metadata/annotations/<key>}-style members that exist. */
  static void removeIfPresent(JsonNode parent, String parentPointer, String field,
      List<JsonNode> ops) {
    if (parent.has(field)) {
      ops.add(JsonPatchOps.remove(parentPointer + JsonPatchOps.pointer(field)));
    }
  }

  /**
   * Op(s) setting {@code metadata.annotations[key] = value}, creating the map when the object has
   * none (a patch cannot add into a missing parent).
   */
  static void setAnnotation(ObjectNode object, String key, String value, List<JsonNode> ops) {
    JsonNode annotations = object.path("metadata").path("annotations");
    if (annotations.isObject()) {
      ops.add(JsonPatchOps.add(JsonPatchOps.pointer("metadata", "annotations", key), value));
    } else {
      ObjectNode map = Json.object().put(key, value);
      if (!object.path("metadata").isObject()) {
        ops.add(JsonPatchOps.add("/metadata", Json.object()));
      }
      ops.add(JsonPatchOps.add("/metadata/annotations", map));
    }
  }

  /**
   * The first ownerReference whose kind is one of {@code kinds} (and, if {@code controllerOnly},
   * that is marked {@code controller: true}); null if none.
   */
  static JsonNode owner(JsonNode object, java.util.Set<String> kinds, boolean controllerOnly) {
    for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
      if ((!controllerOnly || ref.path("controller").asBoolean(false))
          && kinds.contains(ref.path("kind").asText())) {
        return ref;
      }
    }
    return null;
  }
}
