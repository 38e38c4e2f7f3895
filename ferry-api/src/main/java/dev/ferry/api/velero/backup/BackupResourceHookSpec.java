package dev.ferry.api.velero.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.ResourceHookScope;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** Hooks that run in the pods a Backup selects. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
@ToString(callSuper = true)
public class BackupResourceHookSpec extends ResourceHookScope {

  @JsonPropertyDescription("Name of the hook, used in logs.")
  private String name;

  @JsonPropertyDescription("Hooks run before the pod's items are backed up.")
  private List<BackupResourceHook> pre;

  @JsonPropertyDescription("Hooks run after the pod's items are backed up.")
  private List<BackupResourceHook> post;
}
