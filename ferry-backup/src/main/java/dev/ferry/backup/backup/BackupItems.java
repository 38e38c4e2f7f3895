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

  /** Velero's opt-out: an object labelled so is never backed up, whatever the selection. */
  static final String EXCLUDE_LABEL = "velero.io/exclude-from-backup";

  /** Whether {@code item} opted out of backups ({@value #EXCLUDE_LABEL}{@code =true}), as Velero honours it. */
  static boolean excluded(GenericKubernetesResource item) {
    var labels = item.getMetadata() == null ? null : item.getMetadata().getLabels();
    return labels != null && "true".equals(labels.get(EXCLUDE_LABEL));
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
