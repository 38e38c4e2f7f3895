package dev.ferry.backup.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackupLayoutTest {

  @Test
  void backupKeys() {
    BackupLayout layout = BackupLayout.ROOT;
    assertThat(layout.backupMetadata("b1")).isEqualTo("backups/b1/velero-backup.json");
    assertThat(layout.backupTarball("b1")).isEqualTo("backups/b1/b1.tar.gz");
    assertThat(layout.backupLogs("b1")).isEqualTo("backups/b1/b1-logs.gz");
    assertThat(layout.backupResourceList("b1")).isEqualTo("backups/b1/b1-resource-list.json.gz");
    assertThat(layout.backupResults("b1")).isEqualTo("backups/b1/b1-results.gz");
    assertThat(layout.backupsRoot()).isEqualTo("backups/");
  }

  @Test
  void restoreKeys() {
    assertThat(BackupLayout.ROOT.restoreLogs("r1")).isEqualTo("restores/r1/restore-r1-logs.gz");
    assertThat(BackupLayout.ROOT.restoreResults("r1"))
        .isEqualTo("restores/r1/restore-r1-results.gz");
  }

  @Test
  void prefixFromTheStorageLocation() {
    BackupLayout layout = BackupLayout.withPrefix("/velero/cluster-a/");
    assertThat(layout.backupTarball("b1")).isEqualTo("velero/cluster-a/backups/b1/b1.tar.gz");
    assertThat(layout.restoreResults("r1"))
        .isEqualTo("velero/cluster-a/restores/r1/restore-r1-results.gz");
  }

  @Test
  void rejectsNamesThatWouldChangeTheKeyStructure() {
    assertThatThrownBy(() -> BackupLayout.ROOT.backupTarball("a/b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BackupLayout.ROOT.restoreLogs(".."))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
