package dev.ferry.backup.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.velero.backup.Backup;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.VersionInfo;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class VeleroBackupMetadataTest {

  @Test
  void labelsTheLocationAndAnnotatesTheSourceVersionKeepingWhatIsThere() throws Exception {
    Backup backup = new Backup();
    backup.setMetadata(new ObjectMetaBuilder().withName("b").addToLabels("app", "shop")
        .addToAnnotations("note", "x").build());
    VersionInfo version = new VersionInfo.Builder().withGitVersion("v1.34.4").withMajor("1").withMinor("34").build();
    VeleroBackupMetadata.apply(backup, "default", version);
    assertThat(backup.getMetadata().getLabels()).isEqualTo(Map.of("app", "shop", "velero.io/storage-location",
        "default"));
    assertThat(backup.getMetadata().getAnnotations()).containsEntry("note", "x")
        .containsEntry("velero.io/source-cluster-k8s-gitversion", "v1.34.4")
        .containsEntry("velero.io/source-cluster-k8s-major-version", "1")
        .containsEntry("velero.io/source-cluster-k8s-minor-version", "34");
  }

  @Test
  void noLocationNoVersionChangesNothing() {
    Backup backup = new Backup();
    backup.setMetadata(new ObjectMetaBuilder().withName("b").build());
    VeleroBackupMetadata.apply(backup, null, null);
    assertThat(backup.getMetadata().getLabels()).isNullOrEmpty();
    assertThat(backup.getMetadata().getAnnotations()).isNullOrEmpty();
  }

  @Test
  void emptyListIsGzippedJson() throws Exception {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(VeleroBackupMetadata.emptyList()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("[]");
    }
  }
}
