package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.ConditionedStatus;
import java.util.List;
import java.util.Objects;

/** Observed state of a MigPlan. */
@JsonInclude(JsonInclude.Include.NON_NULL)
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

  public List<UnhealthyNamespace> getNamespaces() {
    return namespaces;
  }

  public void setNamespaces(List<UnhealthyNamespace> namespaces) {
    this.namespaces = namespaces;
  }

  public List<IncompatibleNamespace> getIncompatibleNamespaces() {
    return incompatibleNamespaces;
  }

  public void setIncompatibleNamespaces(List<IncompatibleNamespace> incompatibleNamespaces) {
    this.incompatibleNamespaces = incompatibleNamespaces;
  }

  public String getSuffix() {
    return suffix;
  }

  public void setSuffix(String suffix) {
    this.suffix = suffix;
  }

  public String getObservedDigest() {
    return observedDigest;
  }

  public void setObservedDigest(String observedDigest) {
    this.observedDigest = observedDigest;
  }

  public List<String> getExcludedResources() {
    return excludedResources;
  }

  public void setExcludedResources(List<String> excludedResources) {
    this.excludedResources = excludedResources;
  }

  public List<StorageClassInfo> getSrcStorageClasses() {
    return srcStorageClasses;
  }

  public void setSrcStorageClasses(List<StorageClassInfo> srcStorageClasses) {
    this.srcStorageClasses = srcStorageClasses;
  }

  public List<StorageClassInfo> getDestStorageClasses() {
    return destStorageClasses;
  }

  public void setDestStorageClasses(List<StorageClassInfo> destStorageClasses) {
    this.destStorageClasses = destStorageClasses;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass() || !super.equals(o)) {
      return false;
    }
    MigPlanStatus that = (MigPlanStatus) o;
    return Objects.equals(namespaces, that.namespaces)
        && Objects.equals(incompatibleNamespaces, that.incompatibleNamespaces)
        && Objects.equals(suffix, that.suffix)
        && Objects.equals(observedDigest, that.observedDigest)
        && Objects.equals(excludedResources, that.excludedResources)
        && Objects.equals(srcStorageClasses, that.srcStorageClasses)
        && Objects.equals(destStorageClasses, that.destStorageClasses);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), namespaces, incompatibleNamespaces, suffix, observedDigest,
        excludedResources, srcStorageClasses, destStorageClasses);
  }
}
