package dev.ferry.api.velero.restore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.UnknownFields;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** Hooks that run in the pods a Restore restores. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class RestoreResourceHookSpec extends UnknownFields {

  @JsonPropertyDescription("Name of the hook, used in logs.")
  @Required
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

  @JsonPropertyDescription("Hooks run after the pod is restored.")
  private List<RestoreResourceHook> postHooks;
}
