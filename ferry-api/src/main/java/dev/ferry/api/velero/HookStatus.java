package dev.ferry.api.velero;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** Counts of the hooks a Backup or Restore ran. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class HookStatus extends UnknownFields {

  @JsonPropertyDescription("Number of hooks run.")
  private Integer hooksAttempted;

  @JsonPropertyDescription("Number of hooks that failed.")
  private Integer hooksFailed;
}
