package dev.ferry.backup.backup;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.backup.ClientErrors;
import dev.ferry.backup.OperationLog;
import dev.ferry.backup.format.BackupLayout;
import dev.ferry.backup.format.BackupTarballWriter;
import dev.ferry.backup.format.BackupVolumeInfoFile;
import dev.ferry.backup.format.VeleroBackupMetadata;
import dev.ferry.backup.model.Results;
import dev.ferry.backup.model.ResultsFile;
import dev.ferry.objectstore.ObjectStore;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a backup in the repository, in Velero's layout ({@link BackupLayout}): first the
 * tarball, resource list, results, volume info, log and Velero's empty lists
 * ({@link #upload}), then {@code velero-backup.json} ({@link #publish}), whose presence marks a
 * complete backup.
 */
record BackupFiles(KubernetesClient client, ObjectStore store) {
  /** The backup log's logSource stays the backup's entry point, as before this class was split out of it. */
  private static final String SOURCE = "dev/ferry/backup/backup/Backupper.java";

  void upload(String name, Path tarball, BackupTarballWriter writer, Results warnings, Results errors,
              OperationLog log) throws IOException {
    store.put(BackupLayout.ROOT.backupTarball(name), tarball);
    ByteArrayOutputStream list = new ByteArrayOutputStream();
    writer.resourceList().write(list);
    store.put(BackupLayout.ROOT.backupResourceList(name), list.toByteArray());
    ByteArrayOutputStream results = new ByteArrayOutputStream();
    new ResultsFile(warnings, errors).write(results);
    store.put(BackupLayout.ROOT.backupResults(name), results.toByteArray());
    store.put(BackupLayout.ROOT.backupVolumeInfo(name), BackupVolumeInfoFile.toGzip(volumesIn(writer, log)));
    store.put(BackupLayout.ROOT.backupLogs(name), log.finish());
    // Velero's describe and restore read these lists; Ferry's resource backup has none of their items.
    for (String key : List.of(BackupLayout.ROOT.backupPodVolumeBackups(name),
        BackupLayout.ROOT.backupVolumeSnapshots(name), BackupLayout.ROOT.backupItemOperations(name))) {
      store.put(key, VeleroBackupMetadata.emptyList());
    }
  }

  /** Writes velero-backup.json (the backup with its final status): it goes last. */
  void publish(Backup backup) {
    VeleroBackupMetadata.apply(backup, backup.getSpec().getStorageLocation(), kubernetesVersion());
    store.put(BackupLayout.ROOT.backupMetadata(backup.getMetadata().getName()),
        Serialization.asJson(backup).getBytes(StandardCharsets.UTF_8));
  }

  /** The PersistentVolumes the backup holds, read again from the cluster for the volume info file. */
  private List<PersistentVolume> volumesIn(BackupTarballWriter writer, OperationLog log) {
    List<PersistentVolume> volumes = new ArrayList<>();
    for (String pv : writer.resourceList().entries().getOrDefault("v1/PersistentVolume", List.of())) {
      try {
        var volume = client.persistentVolumes().withName(pv).get();
        if (volume != null) {
          volumes.add(volume);
        }
      } catch (KubernetesClientException e) {
        log.warn(SOURCE, "Cannot read PersistentVolume " + pv + " for the volume info: " + ClientErrors.reason(e));
      }
    }
    return volumes;
  }

  private VersionInfo kubernetesVersion() {
    try {
      return client.getKubernetesVersion();
    } catch (RuntimeException e) {
      return null; // the annotations are informative; a backup does not fail for want of them
    }
  }
}
