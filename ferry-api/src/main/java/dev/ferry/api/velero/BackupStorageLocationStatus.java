package dev.ferry.api.velero;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Nullable;
import java.util.Objects;

/** Observed state of a BackupStorageLocation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackupStorageLocationStatus {

  @JsonPropertyDescription("Whether the location is usable: Available or Unavailable.")
  private BackupStorageLocationPhase phase;

  @JsonPropertyDescription("When backups were last synced from the location (RFC 3339).")
  @Nullable
  private String lastSyncedTime;

  @JsonPropertyDescription("Revision of the location's content at the last sync.")
  private String lastSyncedRevision;

  @JsonPropertyDescription("When the location was last validated (RFC 3339).")
  @Nullable
  private String lastValidationTime;

  @JsonPropertyDescription("Why the location is unavailable, if it is.")
  private String message;

  @JsonPropertyDescription("Deprecated: access mode of the location.")
  private BackupStorageLocationAccessMode accessMode;

  public BackupStorageLocationPhase getPhase() {
    return phase;
  }

  public void setPhase(BackupStorageLocationPhase phase) {
    this.phase = phase;
  }

  public String getLastSyncedTime() {
    return lastSyncedTime;
  }

  public void setLastSyncedTime(String lastSyncedTime) {
    this.lastSyncedTime = lastSyncedTime;
  }

  public String getLastSyncedRevision() {
    return lastSyncedRevision;
  }

  public void setLastSyncedRevision(String lastSyncedRevision) {
    this.lastSyncedRevision = lastSyncedRevision;
  }

  public String getLastValidationTime() {
    return lastValidationTime;
  }

  public void setLastValidationTime(String lastValidationTime) {
    this.lastValidationTime = lastValidationTime;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public BackupStorageLocationAccessMode getAccessMode() {
    return accessMode;
  }

  public void setAccessMode(BackupStorageLocationAccessMode accessMode) {
    this.accessMode = accessMode;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    BackupStorageLocationStatus that = (BackupStorageLocationStatus) o;
    return Objects.equals(phase, that.phase)
        && Objects.equals(lastSyncedTime, that.lastSyncedTime)
        && Objects.equals(lastSyncedRevision, that.lastSyncedRevision)
        && Objects.equals(lastValidationTime, that.lastValidationTime)
        && Objects.equals(message, that.message)
        && Objects.equals(accessMode, that.accessMode);
  }

  @Override
  public int hashCode() {
    return Objects.hash(phase, lastSyncedTime, lastSyncedRevision, lastValidationTime, message, accessMode);
  }
}
