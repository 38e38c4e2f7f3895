package dev.ferry.api.velero;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** A command run in a container of a pod. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExecHook {

  @JsonPropertyDescription("Container to run the command in; the pod's first container when unset.")
  private String container;

  @JsonPropertyDescription("The command and its arguments.")
  private List<String> command;

  @JsonPropertyDescription("What happens when the command fails: Continue or Fail.")
  private HookErrorMode onError;

  @JsonPropertyDescription("How long to wait for the command, e.g. 30s.")
  private String timeout;

  public String getContainer() {
    return container;
  }

  public void setContainer(String container) {
    this.container = container;
  }

  public List<String> getCommand() {
    return command;
  }

  public void setCommand(List<String> command) {
    this.command = command;
  }

  public HookErrorMode getOnError() {
    return onError;
  }

  public void setOnError(HookErrorMode onError) {
    this.onError = onError;
  }

  public String getTimeout() {
    return timeout;
  }

  public void setTimeout(String timeout) {
    this.timeout = timeout;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ExecHook that = (ExecHook) o;
    return Objects.equals(container, that.container)
        && Objects.equals(command, that.command)
        && Objects.equals(onError, that.onError)
        && Objects.equals(timeout, that.timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(container, command, onError, timeout);
  }
}
