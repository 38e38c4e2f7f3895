package dev.ferry.cli.backup;

import dev.ferry.cli.OperationFailed;
import dev.ferry.cli.kube.Fetched;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.restore.Restore;
import dev.ferry.backup.format.BackupLayout;
import dev.ferry.backup.format.ResourceListFile;
import dev.ferry.backup.model.Gzip;
import dev.ferry.backup.model.ResultsFile;
import dev.ferry.controller.velero.BackupStorageLocations;
import dev.ferry.objectstore.ObjectNotFoundException;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.ObjectStoreException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The replication repository a backup or restore lives in, reached the way the controller
 * reaches it: the Backup's storage location, else the namespace's default location. Keys
 * follow Velero's layout ({@link BackupLayout#ROOT}; a location's prefix is applied by the store).
 */
public final class BackupRepository implements AutoCloseable {
  private static final BackupLayout LAYOUT = BackupLayout.ROOT;
  static final String STORAGE_LOCATION_LABEL = "velero.io/storage-location";
  private final ObjectStore store;

  private BackupRepository(ObjectStore store) {
    this.store = store;
  }

  /** The repository of {@code backup}; throws ObjectStoreException when its location cannot be opened. */
  public static BackupRepository of(KubernetesClient client, Backup backup) {
    String location = backup.getSpec() == null ? null : backup.getSpec().getStorageLocation();
    return open(client, backup.getMetadata().getNamespace(), location);
  }

  /** The repository of {@code restore}: that of its Backup CR when it exists, else the default location. */
  public static BackupRepository of(KubernetesClient client, Restore restore) {
    String namespace = restore.getMetadata().getNamespace();
    String backupName = restore.getSpec() == null ? null : restore.getSpec().getBackupName();
    Backup backup = backupName == null ? null
        : client.resources(Backup.class).inNamespace(namespace).withName(backupName).get();
    String location = backup == null || backup.getSpec() == null ? null : backup.getSpec().getStorageLocation();
    if (backup == null && restore.getMetadata().getLabels() != null) {
      // A migration's restore on the destination: its Backup is on the source cluster; the
      // restore's label names the location (Ferry keeps one per MigStorage on every cluster).
      location = restore.getMetadata().getLabels().get(STORAGE_LOCATION_LABEL);
    }
    return open(client, namespace, location);
  }

  /** The repository in {@code store} (tests). */
  public static BackupRepository of(ObjectStore store) {
    return new BackupRepository(store);
  }

  public static BackupRepository open(KubernetesClient client, String namespace, String location) {
    return new BackupRepository(new BackupStorageLocations(client).open(namespace, location));
  }

  public String describe() {
    return store.describe();
  }

  public boolean hasBackup(String name) {
    return store.exists(LAYOUT.backupMetadata(name));
  }

  Fetched<ResourceListFile> backupResourceList(String backup) {
    return read(LAYOUT.backupResourceList(backup), ResourceListFile::read);
  }

  Fetched<ResultsFile> backupResults(String backup) {
    return read(LAYOUT.backupResults(backup), ResultsFile::read);
  }

  public Fetched<ResultsFile> restoreResults(String restore) {
    return read(LAYOUT.restoreResults(restore), ResultsFile::read);
  }

  /**
   * Velero's {@code restore-<name>-resource-list.json.gz}: {@code apiVersion/Kind} to entries
   * {@code "ns/x(created)"} (what Velero and Ferry write). Entries written as objects
   * {@code {"name": "ns/x", "action": "created"}} are read too and shown the same way.
   */
  public Fetched<SortedMap<String, List<String>>> restoreResourceList(String restore) {
    return read(LAYOUT.restoreResourceList(restore), in -> {
      Map<String, List<com.fasterxml.jackson.databind.JsonNode>> raw = new ObjectMapper().readValue(
          Gzip.decompress(in), new TypeReference<Map<String, List<com.fasterxml.jackson.databind.JsonNode>>>() { });
      SortedMap<String, List<String>> lines = new TreeMap<>();
      raw.forEach((gvk, items) -> {
        List<String> entries = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode item : items == null ? List.<com.fasterxml.jackson.databind.JsonNode>of()
            : items) {
          if (item.isTextual()) {
            entries.add(item.asText());
          } else if (item.isObject()) {
            entries.add(item.path("name").asText()
                + (item.hasNonNull("action") ? "(" + item.get("action").asText() + ")" : ""));
          }
        }
        lines.put(gvk, entries);
      });
      return lines;
    });
  }

  /** Copies the gunzipped log at {@code key} to {@code out}; false when there is no such log. */
  public boolean copyLog(String key, OutputStream out) {
    try (InputStream in = new GZIPInputStream(store.get(key))) {
      in.transferTo(out);
      out.flush();
      return true;
    } catch (ObjectNotFoundException e) {
      return false;
    } catch (IOException e) {
      throw new OperationFailed("cannot read " + key + " from " + store.describe() + ": " + e.getMessage());
    }
  }

  String backupLogKey(String backup) {
    return LAYOUT.backupLogs(backup);
  }

  public String restoreLogKey(String restore) {
    return LAYOUT.restoreLogs(restore);
  }

  /** Deletes every object under {@code backups/<name>/}; returns how many there were. */
  int deleteBackup(String name) {
    List<String> keys = store.list(LAYOUT.backupDir(name));
    // velero-backup.json marks a complete backup: remove it first so a half-deleted backup never looks whole.
    String metadata = LAYOUT.backupMetadata(name);
    if (keys.contains(metadata)) {
      store.delete(metadata);
    }
    for (String key : keys) {
      if (!key.equals(metadata)) {
        store.delete(key);
      }
    }
    return keys.size();
  }

  @Override
  public void close() {
    store.close();
  }

  private interface Reader<T> {
    T read(InputStream in) throws IOException;
  }

  private <T> Fetched<T> read(String key, Reader<T> reader) {
    try (InputStream in = store.get(key)) {
      return Fetched.of(reader.read(in));
    } catch (ObjectNotFoundException e) {
      return Fetched.failed(key + " is not in " + store.describe());
    } catch (ObjectStoreException | UncheckedIOException e) {
      return Fetched.failed(e.getMessage());
    } catch (IOException e) {
      return Fetched.failed("cannot read " + key + ": " + e.getMessage());
    }
  }
}
