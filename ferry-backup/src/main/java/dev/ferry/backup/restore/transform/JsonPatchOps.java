package dev.ferry.backup.restore.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ferry.backup.model.Json;

/** Builds RFC 6902 operations and RFC 6901 pointers. */
public final class JsonPatchOps {

  private JsonPatchOps() {
  }

  /** A JSON pointer from raw segments, escaping {@code ~} and {@code /} (annotation keys!). */
  public static String pointer(Object... segments) {
    StringBuilder sb = new StringBuilder();
    for (Object segment : segments) {
      sb.append('/').append(segment.toString().replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  public static JsonNode remove(String path) {
    ObjectNode op = Json.object();
    op.put("op", "remove");
    op.put("path", path);
    return op;
  }

  /** {@code add}: creates the member, or replaces it when it exists (RFC 6902 §4.1). */
  public static JsonNode add(String path, JsonNode value) {
    ObjectNode op = Json.object();
    op.put("op", "add");
    op.put("path", path);
    op.set("value", value);
    return op;
  }

  public static JsonNode add(String path, String value) {
    return add(path, TextNode.valueOf(value));
  }

  public static JsonNode replace(String path, String value) {
    ObjectNode op = Json.object();
    op.put("op", "replace");
    op.put("path", path);
    op.put("value", value);
    return op;
  }
}
