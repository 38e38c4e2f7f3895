package dev.ferry.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A manifest exactly as the registry served it: its bytes are what is pushed again, so the
 * digest (the sha256 of these bytes) is preserved. Parsing only reads the referenced content.
 */
public record Manifest(byte[] content, String mediaType, String digest) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Wraps bytes read from a registry or archive; the media type comes from the Content-Type
   * header or, when that is missing or generic, from the manifest's own mediaType field.
   */
  public static Manifest of(byte[] content, String contentType, String where) {
    JsonNode root = parse(content, where);
    String mediaType = contentType;
    if (mediaType == null || !MediaTypes.ACCEPTED.contains(mediaType)) {
      mediaType = root.path("mediaType").asText(null);
    }
    if (mediaType == null) {
      // OCI allows omitting mediaType; an index has "manifests", an image "layers".
      mediaType = root.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
    }
    if (!MediaTypes.ACCEPTED.contains(mediaType)) {
      int schema = root.path("schemaVersion").asInt();
      throw new ImageException(where + " is a " + mediaType + " manifest (schema version " + schema + "), which "
          + "Ferry cannot copy with its digest preserved; push the image again with a current client "
          + "(Docker schema 2 or OCI)");
    }
    return new Manifest(content, mediaType, Digests.sha256(content));
  }

  private static JsonNode parse(byte[] content, String where) {
    try {
      JsonNode node = JSON.readTree(content);
      if (node == null || !node.isObject()) {
        throw new ImageException(where + " is not a JSON manifest");
      }
      return node;
    } catch (IOException e) {
      throw new ImageException(where + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  public boolean isIndex() {
    return MediaTypes.isIndex(mediaType);
  }

  /** The platform manifests of an index (empty for an image manifest). */
  public List<Descriptor> children() {
    List<Descriptor> out = new ArrayList<>();
    if (!isIndex()) {
      return out;
    }
    for (JsonNode m : parse(content, digest).path("manifests")) {
      JsonNode p = m.path("platform");
      String platform = p.isMissingNode() ? null
          : p.path("os").asText("?") + "/" + p.path("architecture").asText("?")
              + (p.hasNonNull("variant") ? "/" + p.get("variant").asText() : "");
      out.add(descriptor(m, platform));
    }
    return out;
  }

  /** The config and layer blobs of an image manifest (empty for an index). */
  public List<Descriptor> blobs() {
    List<Descriptor> out = new ArrayList<>();
    if (isIndex()) {
      return out;
    }
    JsonNode root = parse(content, digest);
    if (root.has("config")) {
      out.add(descriptor(root.get("config"), null));
    }
    for (JsonNode layer : root.path("layers")) {
      // Foreign layers (Windows base images) live elsewhere and are not pushed to registries.
      if (layer.has("urls") && layer.path("mediaType").asText("").contains("foreign")) {
        continue;
      }
      out.add(descriptor(layer, null));
    }
    return out;
  }

  private Descriptor descriptor(JsonNode node, String platform) {
    String d = Digests.requireValid(node.path("digest").asText(null), "an entry of manifest " + digest);
    return new Descriptor(node.path("mediaType").asText(null), d, node.path("size").asLong(-1), platform);
  }
}
