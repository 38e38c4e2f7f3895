package dev.ferry.api.velero;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Nullable;
import java.util.List;
import java.util.Objects;

/** Observed state of a Backup. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackupStatus {

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

  @JsonPropertyDescription("Number of warnings; they do not change the phase.")
  private Integer warnings;

  @JsonPropertyDescription("Number of errors; any error makes the backup PartiallyFailed.")
  private Integer errors;

  @JsonPropertyDescription("Why the backup failed, when it failed as a whole.")
  private String failureReason;

  @JsonPropertyDescription("Number of items to back up and backed up so far.")
  @Nullable
  private BackupProgress progress;

  public Integer getVersion() {
    return version;
  }

  public void setVersion(Integer version) {
    this.version = version;
  }

  public String getFormatVersion() {
    return formatVersion;
  }

  public void setFormatVersion(String formatVersion) {
    this.formatVersion = formatVersion;
  }

  public String getExpiration() {
    return expiration;
  }

  public void setExpiration(String expiration) {
    this.expiration = expiration;
  }

  public BackupPhase getPhase() {
    return phase;
  }

  public void setPhase(BackupPhase phase) {
    this.phase = phase;
  }

  public List<String> getValidationErrors() {
    return validationErrors;
  }

  public void setValidationErrors(List<String> validationErrors) {
    this.validationErrors = validationErrors;
  }

  public String getStartTimestamp() {
    return startTimestamp;
  }

  public void setStartTimestamp(String startTimestamp) {
    this.startTimestamp = startTimestamp;
  }

  public String getCompletionTimestamp() {
    return completionTimestamp;
  }

  public void setCompletionTimestamp(String completionTimestamp) {
    this.completionTimestamp = completionTimestamp;
  }

  public Integer getVolumeSnapshotsAttempted() {
    return volumeSnapshotsAttempted;
  }

  public void setVolumeSnapshotsAttempted(Integer volumeSnapshotsAttempted) {
    this.volumeSnapshotsAttempted = volumeSnapshotsAttempted;
  }

  public Integer getVolumeSnapshotsCompleted() {
    return volumeSnapshotsCompleted;
  }

  public void setVolumeSnapshotsCompleted(Integer volumeSnapshotsCompleted) {
    this.volumeSnapshotsCompleted = volumeSnapshotsCompleted;
  }

  public Integer getWarnings() {
    return warnings;
  }

  public void setWarnings(Integer warnings) {
    this.warnings = warnings;
  }

  public Integer getErrors() {
    return errors;
  }

  public void setErrors(Integer errors) {
    this.errors = errors;
  }

  public String getFailureReason() {
    return failureReason;
  }

  public void setFailureReason(String failureReason) {
    this.failureReason = failureReason;
  }

  public BackupProgress getProgress() {
    return progress;
  }

  public void setProgress(BackupProgress progress) {
    this.progress = progress;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    BackupStatus that = (BackupStatus) o;
    return Objects.equals(version, that.version)
        && Objects.equals(formatVersion, that.formatVersion)
        && Objects.equals(expiration, that.expiration)
        && Objects.equals(phase, that.phase)
        && Objects.equals(validationErrors, that.validationErrors)
        && Objects.equals(startTimestamp, that.startTimestamp)
        && Objects.equals(completionTimestamp, that.completionTimestamp)
        && Objects.equals(volumeSnapshotsAttempted, that.volumeSnapshotsAttempted)
        && Objects.equals(volumeSnapshotsCompleted, that.volumeSnapshotsCompleted)
        && Objects.equals(warnings, that.warnings)
        && Objects.equals(errors, that.errors)
        && Objects.equals(failureReason, that.failureReason)
        && Objects.equals(progress, that.progress);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, formatVersion, expiration, phase, validationErrors, startTimestamp,
        completionTimestamp, volumeSnapshotsAttempted, volumeSnapshotsCompleted, warnings, errors,
        failureReason, progress);
  }
}
