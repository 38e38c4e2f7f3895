package dev.ferry.backup.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.backup.model.Gzip;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupVolumeInfoFileTest {

  @Test
  void oneSkippedEntryPerVolumeInVelerosFieldsSortedByName() throws Exception {
    PersistentVolume bound = new PersistentVolumeBuilder().withNewMetadata().withName("pvc-b")
        .addToLabels("zone", "a").endMetadata()
        .withNewSpec().withPersistentVolumeReclaimPolicy("Delete")
        .withNewClaimRef().withNamespace("shop").withName("data").endClaimRef().endSpec().build();
    PersistentVolume loose = new PersistentVolumeBuilder().withNewMetadata().withName("pvc-a").endMetadata()
        .withNewSpec().withPersistentVolumeReclaimPolicy("Retain").endSpec().build();

    byte[] gz = BackupVolumeInfoFile.toGzip(List.of(bound, loose));

    String json = new String(Gzip.decompress(new ByteArrayInputStream(gz)), StandardCharsets.UTF_8);
    assertThat(json).isEqualTo("["
        + "{\"pvName\":\"pvc-a\",\"snapshotDataMoved\":false,\"preserveLocalSnapshot\":false,\"skipped\":true,"
        + "\"skippedReason\":\"volumeSnapshot: no applicable volumesnapshotter found;\","
        + "\"pvInfo\":{\"reclaimPolicy\":\"Retain\",\"labels\":null}},"
        + "{\"pvcName\":\"data\",\"pvcNamespace\":\"shop\",\"pvName\":\"pvc-b\",\"snapshotDataMoved\":false,"
        + "\"preserveLocalSnapshot\":false,\"skipped\":true,"
        + "\"skippedReason\":\"volumeSnapshot: no applicable volumesnapshotter found;\","
        + "\"pvInfo\":{\"reclaimPolicy\":\"Delete\",\"labels\":{\"zone\":\"a\"}}}]\n");
  }

  @Test
  void noVolumesIsAnEmptyList() {
    assertThat(BackupVolumeInfoFile.toJson(List.of())).isEqualTo("[]\n");
  }
}
