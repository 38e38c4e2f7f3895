package dev.ferry.backup.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.api.velero.backup.Backup;
import dev.ferry.backup.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * {@code backups/<name>/velero-backup.json}: the Backup custom resource serialised as JSON
 * (apiVersion velero.io/v1, kind Backup, metadata, spec, status). Velero's backup sync recreates
 * Backup objects in other clusters from it. Kept as an {@link ObjectNode} so fields this version
 * of Ferry does not model (newer Velero) pass through untouched.
 */
public final class VeleroBackupJson {

  public static final String API_VERSION = "velero.io/v1";
  public static final String KIND = "Backup";

  private final ObjectNode node;

  private VeleroBackupJson(ObjectNode node) {
    this.node = node;
  }

  /** Wraps a Backup's JSON, checking it is one. The node is copied. */
  public static VeleroBackupJson of(ObjectNode backup) {
    Objects.requireNonNull(backup, "backup");
    if (!API_VERSION.equals(backup.path("apiVersion").asText())
        || !KIND.equals(backup.path("kind").asText())) {
      throw new BackupFormatException("velero-backup.json is not a " + API_VERSION + " " + KIND
          + " (apiVersion '" + backup.path("apiVersion").asText() + "', kind '"
          + backup.path("kind").asText() + "')");
    }
    if (backup.path("metadata").path("name").asText("").isEmpty()) {
      throw new BackupFormatException("velero-backup.json has no metadata.name");
    }
    return new VeleroBackupJson(backup.deepCopy());
  }

  public static VeleroBackupJson of(Backup backup) {
    JsonNode tree = Json.MAPPER.valueToTree(backup);
    return of((ObjectNode) tree);
  }

  public static VeleroBackupJson parse(byte[] json) {
    try {
      return of(Json.parseObject(json));
    } catch (IllegalArgumentException e) {
      throw new BackupFormatException("velero-backup.json is not valid: " + e.getMessage(), e);
    }
  }

  public static VeleroBackupJson read(InputStream in) throws IOException {
    return parse(in.readAllBytes());
  }

  public void write(OutputStream out) throws IOException {
    out.write(toBytes());
  }

  public byte[] toBytes() {
    return Json.bytes(node);
  }

  /** The typed view; unknown fields are dropped. */
  public Backup toBackup() {
    try {
      return Json.MAPPER.treeToValue(node, Backup.class);
    } catch (JsonProcessingException e) {
      throw new BackupFormatException("velero-backup.json does not match the Backup schema: "
          + e.getOriginalMessage(), e);
    }
  }

  /** A copy of the JSON. */
  public ObjectNode node() {
    return node.deepCopy();
  }

  public String name() {
    return node.path("metadata").path("name").asText();
  }

  /** The namespace the Backup lived in on the cluster that wrote it (may be empty). */
  public String namespace() {
    return node.path("metadata").path("namespace").asText("");
  }

  /** {@code status.phase}, or "" if the file has no status (Velero always writes one). */
  public String phase() {
    return node.path("status").path("phase").asText("");
  }

  /** {@code status.formatVersion}, e.g. {@code 1.1.0}, or "". */
  public String formatVersion() {
    return node.path("status").path("formatVersion").asText("");
  }

  @Override
  public String toString() {
    return "VeleroBackupJson{" + name() + ", phase " + phase() + "}";
  }
}
