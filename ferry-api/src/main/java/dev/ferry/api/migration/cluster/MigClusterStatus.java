package dev.ferry.api.migration.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.ConditionedStatus;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** Observed state of a MigCluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
@ToString(callSuper = true)
public class MigClusterStatus extends ConditionedStatus {

  @JsonPropertyDescription("Digest of the spec the controller last reconciled.")
  private String observedDigest;

  @JsonPropertyDescription("Internal image registry of the cluster (host:port) found by the controller.")
  private String registryPath;

  @JsonPropertyDescription("Version of the migration operator installed on the cluster.")
  private String operatorVersion;
}
