package dev.ferry.controller.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the images of an ImageStream and writes the stream the destination gets. Pure: JSON in,
 * JSON out, no cluster access.
 */
public final class ImageStreamModel {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ImageStreamModel() {
  }

  /**
   * The images of every status tag, newest first per tag. An image is internal when its reference
   * is in the stream's own repository ({@code status.dockerImageRepository}) or, lacking that, in
   * {@code exposedRegistry} — images of other registries are referenced, not copied.
   */
  public static List<StreamTagImage> images(JsonNode stream, String exposedRegistry) {
    String internalHost = host(stream.path("status").path("dockerImageRepository").asText(""));
    List<StreamTagImage> out = new ArrayList<>();
    for (JsonNode tag : stream.path("status").path("tags")) {
      String name = tag.path("tag").asText();
      boolean first = true;
      for (JsonNode item : tag.path("items")) {
        String ref = item.path("dockerImageReference").asText("");
        String digest = item.path("image").asText("");
        String refHost = host(ref);
        boolean internal = !refHost.isEmpty() && (refHost.equals(internalHost) || refHost.equals(exposedRegistry));
        if (digest.startsWith("sha256:")) {
          out.add(new StreamTagImage(name, first, digest, ref, internal));
        }
        first = false;
      }
    }
    return out;
  }

  /** {@code host[:port]} of an image reference or repository, or "" if it names none. */
  static String host(String reference) {
    int slash = reference.indexOf('/');
    if (slash <= 0) {
      return "";
    }
    String first = reference.substring(0, slash);
    // Docker's rule: a first component with a dot or colon, or "localhost", is a registry.
    return first.contains(".") || first.contains(":") || first.equals("localhost") ? first : "";
  }

  /**
   * The stream for the destination: the source's labels, annotations and spec, with every tag whose
   * current image was copied pointing at the destination registry by digest, and its status tags
   * (history included) rewritten the same way.
   *
   * @param copied digest → destination reference ({@code registry/ns/name@digest}) of each copied image
   */
  public static ObjectNode destinationStream(JsonNode source, String destNamespace, Map<String, String> copied,
      Map<String, String> extraLabels) {
    ObjectNode out = NODES.objectNode();
    out.put("apiVersion", "image.openshift.io/v1");
    out.put("kind", "ImageStream");
    ObjectNode metadata = out.putObject("metadata");
    metadata.put("name", source.path("metadata").path("name").asText());
    metadata.put("namespace", destNamespace);
    ObjectNode labels = metadata.putObject("labels");
    source.path("metadata").path("labels").fields().forEachRemaining(e -> labels.set(e.getKey(), e.getValue()));
    extraLabels.forEach(labels::put);
    if (source.path("metadata").path("annotations").isObject()) {
      metadata.set("annotations", source.path("metadata").path("annotations").deepCopy());
    }
    ObjectNode spec = source.path("spec").isObject() ? ((ObjectNode) source.path("spec")).deepCopy()
        : NODES.objectNode();
    spec.remove("dockerImageRepository"); // the destination's registry fills it in
    Map<String, ObjectNode> specTags = new LinkedHashMap<>();
    for (JsonNode t : spec.path("tags")) {
      specTags.put(t.path("name").asText(), (ObjectNode) t.deepCopy());
    }
    for (JsonNode tag : source.path("status").path("tags")) {
      JsonNode latest = tag.path("items").path(0);
      String destRef = copied.get(latest.path("image").asText());
      if (destRef == null) {
        continue;
      }
      String name = tag.path("tag").asText();
      ObjectNode t = specTags.computeIfAbsent(name, n -> NODES.objectNode().put("name", n));
      ObjectNode from = t.putObject("from");
      from.put("kind", "DockerImage");
      from.put("name", destRef);
      if (!t.has("referencePolicy")) {
        t.putObject("referencePolicy").put("type", "Source");
      }
    }
    ArrayNode tags = spec.putArray("tags");
    specTags.values().forEach(tags::add);
    out.set("spec", spec);
    return out;
  }

  /** Status tags for the destination stream: each copied item at its destination reference. */
  public static ArrayNode destinationStatusTags(JsonNode source, Map<String, String> copied) {
    ArrayNode tags = NODES.arrayNode();
    for (JsonNode tag : source.path("status").path("tags")) {
      ArrayNode items = NODES.arrayNode();
      for (JsonNode item : tag.path("items")) {
        String destRef = copied.get(item.path("image").asText());
        ObjectNode copy = item.deepCopy();
        if (destRef != null) {
          copy.put("dockerImageReference", destRef);
        }
        items.add(copy);
      }
      ObjectNode t = tags.addObject();
      t.put("tag", tag.path("tag").asText());
      t.set("items", items);
    }
    return tags;
  }
}
