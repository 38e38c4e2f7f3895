package dev.ferry.api.velero.restore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.UnknownFields;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** Progress of a Restore. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class RestoreProgress extends UnknownFields {

  @JsonPropertyDescription("Number of items to restore.")
  private Integer totalItems;

  @JsonPropertyDescription("Number of items restored so far.")
  private Integer itemsRestored;
}
