package dev.ferry.api.velero.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.UnknownFields;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** Hooks that run in the pods a Backup selects. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class BackupResourceHookSpec extends UnknownFields {

  @JsonPropertyDescription("Name of the hook, used in logs.")
  private String name;

  @JsonPropertyDescription("Namespaces whose pods get the hook; all when unset.")
  @Nullable
  private List<String> includedNamespaces;

  @JsonPropertyDescription("Namespaces whose pods do not get the hook.")
  @Nullable
  private List<String> excludedNamespaces;

  @JsonPropertyDescription("Resources the hook applies to; all when unset.")
  @Nullable
  private List<String> includedResources;

  @JsonPropertyDescription("Resources the hook does not apply to.")
  @Nullable
  private List<String> excludedResources;

  @JsonPropertyDescription("Only pods whose labels match get the hook.")
  @Nullable
  private LabelSelector labelSelector;

  @JsonPropertyDescription("Hooks run before the pod's items are backed up.")
  private List<BackupResourceHook> pre;

  @JsonPropertyDescription("Hooks run after the pod's items are backed up.")
  private List<BackupResourceHook> post;
}
