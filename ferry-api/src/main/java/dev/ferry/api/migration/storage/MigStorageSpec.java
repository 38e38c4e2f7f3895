package dev.ferry.api.migration.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;

/** Desired state of a MigStorage: the object storage used as replication repository. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
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
}
