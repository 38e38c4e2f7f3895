package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.ConditionedStatus;
import java.util.Objects;

/** Observed state of a MigCluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MigClusterStatus extends ConditionedStatus {

  @JsonPropertyDescription("Digest of the spec the controller last reconciled.")
  private String observedDigest;

  @JsonPropertyDescription("Internal image registry of the cluster (host:port) found by the controller.")
  private String registryPath;

  @JsonPropertyDescription("Version of the migration operator installed on the cluster.")
  private String operatorVersion;

  public String getObservedDigest() {
    return observedDigest;
  }

  public void setObservedDigest(String observedDigest) {
    this.observedDigest = observedDigest;
  }

  public String getRegistryPath() {
    return registryPath;
  }

  public void setRegistryPath(String registryPath) {
    this.registryPath = registryPath;
  }

  public String getOperatorVersion() {
    return operatorVersion;
  }

  public void setOperatorVersion(String operatorVersion) {
    this.operatorVersion = operatorVersion;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass() || !super.equals(o)) {
      return false;
    }
    MigClusterStatus that = (MigClusterStatus) o;
    return Objects.equals(observedDigest, that.observedDigest)
        && Objects.equals(registryPath, that.registryPath)
        && Objects.equals(operatorVersion, that.operatorVersion);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), observedDigest, registryPath, operatorVersion);
  }
}
