package dev.ferry.controller.velero;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupSpec;
import dev.ferry.backup.format.BackupLayout;
import dev.ferry.backup.format.VeleroBackupMetadata;
import dev.ferry.objectstore.ObjectStore;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs backups found in a location into Backup CRs, as Velero's backup sync does: a complete
 * backup (its velero-backup.json present) without a Backup CR of that name in the location's
 * namespace gets one, with the spec and status the file records, its storageLocation set to this
 * location and the {@code velero.io/storage-location} label. So {@code ferry backup
 * get|describe|logs} show a backup another cluster (Ferry or Velero) wrote. Its phase is final,
 * so no controller runs it again.
 */
final class BackupSync {
  private static final Logger LOG = LoggerFactory.getLogger(BackupSync.class);
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final String METADATA_FILE = "/velero-backup.json";

  private BackupSync() {
  }

  /** Names of the complete backups in {@code store}. */
  static List<String> backupsIn(ObjectStore store) {
    String root = BackupLayout.ROOT.backupsRoot();
    return store.list(root).stream()
        .filter(k -> k.endsWith(METADATA_FILE))
        .map(k -> k.substring(root.length(), k.length() - METADATA_FILE.length()))
        .filter(n -> !n.isEmpty() && !n.contains("/"))
        .distinct().sorted().toList();
  }

  /** The Backup CR for the backup {@code name} found in {@code location}, read from its velero-backup.json. */
  static Backup fromStore(ObjectStore store, String name, String namespace, String location) {
    Backup stored = SERIALIZATION.unmarshal(new String(store.getBytes(BackupLayout.ROOT.backupMetadata(name)),
        StandardCharsets.UTF_8), Backup.class);
    Backup backup = new Backup();
    ObjectMeta meta = new ObjectMeta();
    meta.setName(name);
    meta.setNamespace(namespace);
    Map<String, String> labels = stored.getMetadata() == null || stored.getMetadata().getLabels() == null
        ? new LinkedHashMap<>() : new LinkedHashMap<>(stored.getMetadata().getLabels());
    labels.put(VeleroBackupMetadata.STORAGE_LOCATION_LABEL, location);
    meta.setLabels(labels);
    meta.setAnnotations(stored.getMetadata() == null ? null : stored.getMetadata().getAnnotations());
    backup.setMetadata(meta);
    BackupSpec spec = stored.getSpec() == null ? new BackupSpec() : stored.getSpec();
    spec.setStorageLocation(location);
    backup.setSpec(spec);
    backup.setStatus(stored.getStatus());
    return backup;
  }

  /** Creates the Backup CRs missing for the backups in {@code store}; returns their names. */
  static List<String> sync(KubernetesClient client, ObjectStore store, String namespace, String location) {
    Set<String> existing = client.resources(Backup.class).inNamespace(namespace).list().getItems().stream()
        .map(b -> b.getMetadata().getName()).collect(Collectors.toSet());
    List<String> created = new ArrayList<>();
    for (String name : backupsIn(store)) {
      if (existing.contains(name)) {
        continue;
      }
      try {
        client.resource(fromStore(store, name, namespace, location)).create();
        created.add(name);
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          LOG.warn("cannot sync backup {} from location {}: {}", name, location, e.getMessage());
        }
      } catch (RuntimeException e) {
        LOG.warn("cannot sync backup {} from location {}: {}", name, location, e.getMessage());
      }
    }
    if (!created.isEmpty()) {
      LOG.info("synced {} backup(s) from location {}/{}: {}", created.size(), namespace, location, created);
    }
    return created;
  }
}
