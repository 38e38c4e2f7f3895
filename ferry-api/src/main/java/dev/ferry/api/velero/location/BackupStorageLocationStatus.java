package dev.ferry.api.velero.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.UnknownFields;
import io.fabric8.generator.annotation.Nullable;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** Observed state of a BackupStorageLocation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class BackupStorageLocationStatus extends UnknownFields {

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
}
