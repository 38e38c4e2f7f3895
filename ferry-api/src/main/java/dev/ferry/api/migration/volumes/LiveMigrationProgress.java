package dev.ferry.api.migration.volumes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;
import lombok.Data;

/** Progress of the live migration of a virtual machine's volume. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class LiveMigrationProgress {

  @JsonPropertyDescription("Name of the virtual machine.")
  private String vmName;

  @JsonPropertyDescription("Namespace of the virtual machine.")
  private String vmNamespace;

  @JsonPropertyDescription("Reference to the persistent volume claim being migrated.")
  private ObjectReference pvcRef;

  @JsonPropertyDescription("Last observed progress, e.g. 42%.")
  private String lastObservedProgressPercent;

  @JsonPropertyDescription("Last observed transfer rate.")
  private String lastObservedTransferRate;

  @JsonPropertyDescription("Time spent, as a duration such as 1m30s.")
  private String totalElapsedTime;

  @JsonPropertyDescription("Last message of the live migration.")
  private String message;
}
