package dev.ferry.api.velero;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** One backup hook. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackupResourceHook {

  @JsonPropertyDescription("A command run in a container of the pod.")
  private ExecHook exec;

  public ExecHook getExec() {
    return exec;
  }

  public void setExec(ExecHook exec) {
    this.exec = exec;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    BackupResourceHook that = (BackupResourceHook) o;
    return Objects.equals(exec, that.exec);
  }

  @Override
  public int hashCode() {
    return Objects.hash(exec);
  }
}
