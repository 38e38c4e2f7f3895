package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Desired state of a MigStorage: the object storage used as replication repository. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MigStorageSpec {

  @JsonPropertyDescription("Storage provider of the replication repository: aws (S3 and S3-compatible stores), "
      + "azure, gcp, or filesystem (Ferry's embedded default, a local directory).")
  private BackupStorageProvider backupStorageProvider;

  @JsonPropertyDescription("Snapshot copy method only: provider of the volume snapshots.")
  private VolumeSnapshotProvider volumeSnapshotProvider;

  @JsonPropertyDescription("Location and credentials of the replication repository.")
  private BackupStorageConfig backupStorageConfig;

  @JsonPropertyDescription("Snapshot copy method only: settings for volume snapshots.")
  private VolumeSnapshotConfig volumeSnapshotConfig;

  @JsonPropertyDescription("Set to true to ask the controller to validate the resource again; the controller "
      + "resets it to false.")
  private Boolean refresh;

  public BackupStorageProvider getBackupStorageProvider() {
    return backupStorageProvider;
  }

  public void setBackupStorageProvider(BackupStorageProvider backupStorageProvider) {
    this.backupStorageProvider = backupStorageProvider;
  }

  public VolumeSnapshotProvider getVolumeSnapshotProvider() {
    return volumeSnapshotProvider;
  }

  public void setVolumeSnapshotProvider(VolumeSnapshotProvider volumeSnapshotProvider) {
    this.volumeSnapshotProvider = volumeSnapshotProvider;
  }

  public BackupStorageConfig getBackupStorageConfig() {
    return backupStorageConfig;
  }

  public void setBackupStorageConfig(BackupStorageConfig backupStorageConfig) {
    this.backupStorageConfig = backupStorageConfig;
  }

  public VolumeSnapshotConfig getVolumeSnapshotConfig() {
    return volumeSnapshotConfig;
  }

  public void setVolumeSnapshotConfig(VolumeSnapshotConfig volumeSnapshotConfig) {
    this.volumeSnapshotConfig = volumeSnapshotConfig;
  }

  public Boolean getRefresh() {
    return refresh;
  }

  public void setRefresh(Boolean refresh) {
    this.refresh = refresh;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    MigStorageSpec that = (MigStorageSpec) o;
    return Objects.equals(backupStorageProvider, that.backupStorageProvider)
        && Objects.equals(volumeSnapshotProvider, that.volumeSnapshotProvider)
        && Objects.equals(backupStorageConfig, that.backupStorageConfig)
        && Objects.equals(volumeSnapshotConfig, that.volumeSnapshotConfig)
        && Objects.equals(refresh, that.refresh);
  }

  @Override
  public int hashCode() {
    return Objects.hash(backupStorageProvider, volumeSnapshotProvider, backupStorageConfig,
        volumeSnapshotConfig, refresh);
  }
}
