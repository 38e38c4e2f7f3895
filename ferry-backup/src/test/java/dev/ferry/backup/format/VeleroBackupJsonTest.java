package dev.ferry.backup.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.backup.model.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VeleroBackupJsonTest {

  // Trimmed from a real Velero 1.14 velero-backup.json, including a field Ferry does not model.
  private static final String VELERO = """
      {"kind":"Backup","apiVersion":"velero.io/v1",
       "metadata":{"name":"migration-abc-initial","namespace":"openshift-migration",
         "uid":"5b1f6d7e-0c0f-4d5e-9b7f-1a2b3c4d5e6f",
         "labels":{"velero.io/storage-location":"default","migmigration":"abc"}},
       "spec":{"includedNamespaces":["shop"],"excludedResources":["events"],
         "storageLocation":"default","ttl":"720h0m0s","itemOperationTimeout":"4h0m0s"},
       "status":{"version":1,"formatVersion":"1.1.0","phase":"Completed",
         "startTimestamp":"2024-05-01T10:00:00Z","completionTimestamp":"2024-05-01T10:01:00Z",
         "progress":{"totalItems":42,"itemsBackedUp":42},"warnings":1}}
      """;

  @Test
  void readsVeleroFileAndPassesUnknownFieldsThrough() throws Exception {
    VeleroBackupJson json = VeleroBackupJson.read(
        new ByteArrayInputStream(VELERO.getBytes(StandardCharsets.UTF_8)));

    assertThat(json.name()).isEqualTo("migration-abc-initial");
    assertThat(json.namespace()).isEqualTo("openshift-migration");
    assertThat(json.phase()).isEqualTo("Completed");
    assertThat(json.formatVersion()).isEqualTo("1.1.0");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    json.write(out);
    assertThat(Json.parseObject(out.toByteArray())).isEqualTo(Json.parseObject(VELERO));
  }

  @Test
  void convertsToAndFromTheTypedBackup() {
    Backup backup = VeleroBackupJson.parse(VELERO.getBytes(StandardCharsets.UTF_8)).toBackup();
    assertThat(backup.getMetadata().getName()).isEqualTo("migration-abc-initial");
    assertThat(backup.getSpec().getIncludedNamespaces()).containsExactly("shop");
    assertThat(backup.getStatus().getFormatVersion()).isEqualTo("1.1.0");

    VeleroBackupJson back = VeleroBackupJson.of(backup);
    assertThat(back.node().path("apiVersion").asText()).isEqualTo("velero.io/v1");
    assertThat(back.node().path("kind").asText()).isEqualTo("Backup");
    assertThat(back.phase()).isEqualTo("Completed");
  }

  @Test
  void refusesOtherKinds() {
    assertThatThrownBy(() -> VeleroBackupJson.parse(
        "{\"apiVersion\":\"velero.io/v1\",\"kind\":\"Restore\",\"metadata\":{\"name\":\"x\"}}"
            .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(BackupFormatException.class).hasMessageContaining("Restore");
    assertThatThrownBy(() -> VeleroBackupJson.parse("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(BackupFormatException.class);
  }
}
