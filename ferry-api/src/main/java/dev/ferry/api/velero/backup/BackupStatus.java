package dev.ferry.api.velero.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.HookStatus;
import dev.ferry.api.velero.UnknownFields;
import io.fabric8.generator.annotation.Nullable;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** Observed state of a Backup. Every field of Velero 1.18's BackupStatus. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class BackupStatus extends UnknownFields {

  @JsonPropertyDescription("Deprecated: major version of the backup format (1).")
  private Integer version;

  @JsonPropertyDescription("Version of the backup format, e.g. 1.1.0.")
  private String formatVersion;

  @JsonPropertyDescription("When the backup expires and is garbage-collected (RFC 3339).")
  @Nullable
  private String expiration;

  @JsonPropertyDescription("Phase of the backup.")
  private BackupPhase phase;

  @JsonPropertyDescription("Problems found in the spec; the backup is not run when there are any.")
  @Nullable
  private List<String> validationErrors;

  @JsonPropertyDescription("When the backup started (RFC 3339).")
  @Nullable
  private String startTimestamp;

  @JsonPropertyDescription("When the backup completed (RFC 3339).")
  @Nullable
  private String completionTimestamp;

  @JsonPropertyDescription("Number of volume snapshots attempted.")
  private Integer volumeSnapshotsAttempted;

  @JsonPropertyDescription("Number of volume snapshots completed.")
  private Integer volumeSnapshotsCompleted;

  @JsonPropertyDescription("Why the backup failed, when it failed as a whole.")
  private String failureReason;

  @JsonPropertyDescription("Number of warnings; they do not change the phase.")
  private Integer warnings;

  @JsonPropertyDescription("Number of errors; any error makes the backup PartiallyFailed.")
  private Integer errors;

  @JsonPropertyDescription("Number of items to back up and backed up so far.")
  @Nullable
  private BackupProgress progress;

  @JsonPropertyDescription("Number of CSI volume snapshots attempted.")
  private Integer csiVolumeSnapshotsAttempted;

  @JsonPropertyDescription("Number of CSI volume snapshots completed.")
  private Integer csiVolumeSnapshotsCompleted;

  @JsonPropertyDescription("Number of asynchronous backup item operations started.")
  private Integer backupItemOperationsAttempted;

  @JsonPropertyDescription("Number of asynchronous backup item operations completed.")
  private Integer backupItemOperationsCompleted;

  @JsonPropertyDescription("Number of asynchronous backup item operations that failed.")
  private Integer backupItemOperationsFailed;

  @JsonPropertyDescription("Counts of the hooks run.")
  @Nullable
  private HookStatus hookStatus;

  @JsonPropertyDescription("Position of the backup in Velero's queue of backups waiting to run.")
  private Integer queuePosition;
}
