package dev.ferry.api.velero.restore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.UnknownFields;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** One restore hook: a command in a container, or init containers added to the pod. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class RestoreResourceHook extends UnknownFields {

  @JsonPropertyDescription("A command run in a container of the restored pod.")
  private ExecRestoreHook exec;

  @JsonPropertyDescription("Init containers added to the restored pod.")
  private InitRestoreHook init;
}
