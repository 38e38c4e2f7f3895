package dev.ferry.controller.velero;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.objectstore.FilesystemObjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupSyncTest {

  private static final String VELERO_BACKUP_JSON = """
      {"apiVersion":"velero.io/v1","kind":"Backup","metadata":{"name":"nightly","namespace":"velero",
        "uid":"u-1","resourceVersion":"42","labels":{"velero.io/storage-location":"theirs","app":"shop"},
        "annotations":{"velero.io/source-cluster-k8s-gitversion":"v1.33.1"}},
       "spec":{"includedNamespaces":["shop"],"storageLocation":"theirs","ttl":"720h0m0s","snapshotMoveData":false},
       "status":{"phase":"Completed","formatVersion":"1.1.0","expiration":"2027-01-06T10:00:00Z",
        "progress":{"totalItems":12,"itemsBackedUp":12}}}
      """;

  @Test
  void findsCompleteBackupsOnly(@TempDir Path dir) {
    FilesystemObjectStore store = new FilesystemObjectStore(dir);
    store.put("backups/nightly/velero-backup.json", VELERO_BACKUP_JSON.getBytes(StandardCharsets.UTF_8));
    store.put("backups/nightly/nightly.tar.gz", new byte[] {1});
    store.put("backups/half-written/half-written.tar.gz", new byte[] {1});
    store.put("restores/r1/restore-r1-logs.gz", new byte[] {1});
    assertThat(BackupSync.backupsIn(store)).containsExactly("nightly");
  }

  @Test
  void theCrPointsAtThisLocationWithTheRecordedSpecAndStatus(@TempDir Path dir) {
    FilesystemObjectStore store = new FilesystemObjectStore(dir);
    store.put("backups/nightly/velero-backup.json", VELERO_BACKUP_JSON.getBytes(StandardCharsets.UTF_8));
    Backup backup = BackupSync.fromStore(store, "nightly", "openshift-migration", "default");
    assertThat(backup.getMetadata().getNamespace()).isEqualTo("openshift-migration");
    assertThat(backup.getMetadata().getUid()).isNull();
    assertThat(backup.getMetadata().getResourceVersion()).isNull();
    assertThat(backup.getMetadata().getLabels()).containsEntry("velero.io/storage-location", "default")
        .containsEntry("app", "shop");
    assertThat(backup.getSpec().getStorageLocation()).isEqualTo("default");
    assertThat(backup.getSpec().getIncludedNamespaces()).containsExactly("shop");
    assertThat(backup.getStatus().getPhase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(backup.getStatus().getProgress().getItemsBackedUp()).isEqualTo(12);
  }
}
