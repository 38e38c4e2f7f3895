package dev.ferry.api.migration.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.ConditionedStatus;
import dev.ferry.api.migration.migration.UnhealthyNamespace;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** Observed state of a MigPlan. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
@ToString(callSuper = true)
public class MigPlanStatus extends ConditionedStatus {

  @JsonPropertyDescription("Namespaces with unhealthy workloads.")
  private List<UnhealthyNamespace> namespaces;

  @JsonPropertyDescription("Namespaces holding resources whose API group and version the destination cluster "
      + "does not serve.")
  private List<IncompatibleNamespace> incompatibleNamespaces;

  @JsonPropertyDescription("Suffix the controller appends to the names of the temporary resources it creates for "
      + "this plan.")
  private String suffix;

  @JsonPropertyDescription("Digest of the spec the controller last reconciled.")
  private String observedDigest;

  @JsonPropertyDescription("Resources left out of the migration (built-in exclusions plus the "
      + "MigrationController's excluded_resources).")
  private List<String> excludedResources;

  @JsonPropertyDescription("Storage classes of the source cluster.")
  private List<StorageClassInfo> srcStorageClasses;

  @JsonPropertyDescription("Storage classes of the destination cluster.")
  private List<StorageClassInfo> destStorageClasses;
}
