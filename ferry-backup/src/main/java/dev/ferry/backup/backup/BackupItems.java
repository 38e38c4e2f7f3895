package dev.ferry.backup.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.discovery.ApiResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.io.UncheckedIOException;

/** An item as it goes into the tarball: the listed object with its type, as JSON. */
final class BackupItems {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BackupItems() {
  }

  /** List items come without apiVersion/kind; a backed-up object must carry them. */
  static ObjectNode tree(GenericKubernetesResource item, ApiResource resource) {
    ObjectNode object = JSON.valueToTree(item);
    object.put("apiVersion", resource.apiVersion());
    object.put("kind", resource.kind());
    return object;
  }

  static byte[] bytes(ObjectNode json) {
    try {
      return JSON.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
