package dev.ferry.api.velero;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;

/**
 * The pods a Backup's or a Restore's resource hook applies to, as Velero's two hook specs share
 * these fields (the CRDs list properties alphabetically, so the schemas are the same as with the
 * fields written out in each spec).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public abstract class ResourceHookScope extends UnknownFields {

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
}
