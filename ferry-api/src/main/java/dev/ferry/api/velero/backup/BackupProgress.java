package dev.ferry.api.velero.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.UnknownFields;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** Progress of a Backup. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class BackupProgress extends UnknownFields {

  @JsonPropertyDescription("Number of items to back up (an estimate while the backup runs).")
  private Integer totalItems;

  @JsonPropertyDescription("Number of items backed up so far.")
  private Integer itemsBackedUp;
}
