package dev.ferry.api.migration.volumes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;
import lombok.Data;

/** The attempts of the data transfer of one claim. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class RsyncOperation {

  @JsonPropertyDescription("Reference to the persistent volume claim.")
  private ObjectReference pvcReference;

  @JsonPropertyDescription("Number of the current attempt.")
  private Integer currentAttempt;

  @JsonPropertyDescription("True if the transfer as a whole succeeded.")
  private Boolean succeeded;

  @JsonPropertyDescription("True if the transfer as a whole failed.")
  private Boolean failed;
}
