package dev.ferry.api.velero;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.api.velero.restore.ExistingResourcePolicy;
import dev.ferry.api.velero.restore.Restore;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

/**
 * A Velero object read into Ferry's model and written back is unchanged: the fields Velero 1.18
 * has are modelled, and fields a newer Velero might add are kept (Ferry's status writes
 * update whole objects, so anything dropped here would be lost in the cluster).
 */
class VeleroModelRoundTripTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String BACKUP = """
      {"apiVersion":"velero.io/v1","kind":"Backup","metadata":{"name":"b1","namespace":"velero"},
       "spec":{"csiSnapshotTimeout":"10m0s","itemOperationTimeout":"4h0m0s","snapshotMoveData":true,
         "datamover":"velero","includedNamespaces":["shop"],"storageLocation":"default","ttl":"720h0m0s",
         "defaultVolumesToFsBackup":false,"metadata":{"labels":{"a":"b"}},
         "orLabelSelectors":[{"matchLabels":{"app":"web"}}],
         "resourcePolicy":{"kind":"configmap","name":"policy"},"uploaderConfig":{"parallelFilesUpload":4},
         "volumeGroupSnapshotLabelKey":"group","includedClusterScopedResources":["storageclasses"],
         "hooks":{"resources":[{"name":"h","pre":[{"exec":{"command":["sync"],"onError":"Fail"}}]}]},
         "aFieldOfAFutureVelero":{"nested":[1,2]}},
       "status":{"phase":"Queued","queuePosition":3,"hookStatus":{"hooksAttempted":1,"hooksFailed":0},
         "csiVolumeSnapshotsAttempted":2,"backupItemOperationsAttempted":1,"formatVersion":"1.1.0",
         "progress":{"totalItems":5,"itemsBackedUp":5,"futureCounter":9},"futureStatusField":"x"}}
      """;

  private static final String RESTORE = """
      {"apiVersion":"velero.io/v1","kind":"Restore","metadata":{"name":"r1","namespace":"velero"},
       "spec":{"backupName":"b1","namespaceMapping":{"shop":"shop2"},"existingResourcePolicy":"update",
         "resourceModifier":{"kind":"configmap","name":"mods"},"itemOperationTimeout":"4h0m0s",
         "uploaderConfig":{"writeSparseFiles":true,"parallelFilesDownload":2},
         "hooks":{"resources":[{"name":"h","postHooks":[{"exec":{"command":["true"],"waitForReady":true,
           "execTimeout":"1m","waitTimeout":"2m"}},{"init":{"initContainers":[{"name":"i","image":"busybox",
           "anything":{"goes":1}}],"timeout":"1m"}}]}]}},
       "status":{"phase":"Finalizing","restoreItemOperationsAttempted":1,"hookStatus":{"hooksAttempted":2},
         "progress":{"totalItems":3,"itemsRestored":3}}}
      """;

  @Test
  void backupRoundTripsEveryField() throws Exception {
    Backup backup = SERIALIZATION.unmarshal(BACKUP, Backup.class);
    assertThat(backup.getSpec().getSnapshotMoveData()).isTrue();
    assertThat(backup.getStatus().getPhase()).isEqualTo(BackupPhase.QUEUED);
    assertThat(backup.getStatus().getHookStatus().getHooksAttempted()).isEqualTo(1);
    assertThat(JSON.readTree(SERIALIZATION.asJson(backup))).isEqualTo(JSON.readTree(BACKUP));
  }

  @Test
  void restoreRoundTripsEveryField() throws Exception {
    Restore restore = SERIALIZATION.unmarshal(RESTORE, Restore.class);
    assertThat(restore.getSpec().getExistingResourcePolicy()).isEqualTo(ExistingResourcePolicy.UPDATE);
    assertThat(restore.getSpec().getHooks().getResources().get(0).getPostHooks().get(1).getInit()
        .getInitContainers()).hasSize(1);
    JsonNode written = JSON.readTree(SERIALIZATION.asJson(restore));
    assertThat(written).isEqualTo(JSON.readTree(RESTORE));
  }

  @Test
  void unknownFieldsTakePartInEquality() {
    Backup a = SERIALIZATION.unmarshal(BACKUP, Backup.class);
    Backup b = SERIALIZATION.unmarshal(BACKUP, Backup.class);
    assertThat(a.getSpec()).isEqualTo(b.getSpec());
    b.getSpec().setAdditionalProperty("aFieldOfAFutureVelero", "changed");
    assertThat(a.getSpec()).isNotEqualTo(b.getSpec());
  }
}
