package dev.ferry.api.velero.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.HookErrorMode;
import dev.ferry.api.velero.UnknownFields;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** A command run in a container of a pod. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class ExecHook extends UnknownFields {

  @JsonPropertyDescription("Container to run the command in; the pod's first container when unset.")
  private String container;

  @JsonPropertyDescription("The command and its arguments.")
  private List<String> command;

  @JsonPropertyDescription("What happens when the command fails: Continue or Fail.")
  private HookErrorMode onError;

  @JsonPropertyDescription("How long to wait for the command, e.g. 30s.")
  private String timeout;
}
