package dev.ferry.api.velero.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.UnknownFields;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** One backup hook. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class BackupResourceHook extends UnknownFields {

  @JsonPropertyDescription("A command run in a container of the pod.")
  private ExecHook exec;
}
