package dev.ferry.api.velero;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Desired state of a Restore: which backup to restore, and which of its objects. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RestoreSpec {

  @JsonPropertyDescription("Name of the Backup to restore.")
  private String backupName;

  @JsonPropertyDescription("Name of a Schedule whose most recent backup is restored (when backupName is empty).")
  private String scheduleName;

  @JsonPropertyDescription("Namespaces to include; all namespaces when unset or empty (* also means all).")
  @Nullable
  private List<String> includedNamespaces;

  @JsonPropertyDescription("Namespaces to exclude.")
  @Nullable
  private List<String> excludedNamespaces;

  @JsonPropertyDescription("Resources to include, as plural or plural.group names (e.g. deployments.apps); all "
      + "when unset or empty.")
  @Nullable
  private List<String> includedResources;

  @JsonPropertyDescription("Resources to exclude, as plural or plural.group names.")
  @Nullable
  private List<String> excludedResources;

  @JsonPropertyDescription("Namespaces restored under another name: source name to destination name.")
  @Nullable
  private Map<String, String> namespaceMapping;

  @JsonPropertyDescription("Only objects whose labels match are restored.")
  @Nullable
  private LabelSelector labelSelector;

  @JsonPropertyDescription("Whether persistent volumes are restored from their snapshots or file-system backups.")
  @Nullable
  private Boolean restorePVs;

  @JsonPropertyDescription("Whether services keep their node ports.")
  @Nullable
  private Boolean preserveNodePorts;

  @JsonPropertyDescription("Whether cluster-scoped resources are included; when unset, only those related to the "
      + "included namespaced resources are (e.g. the persistent volumes of included claims).")
  @Nullable
  private Boolean includeClusterResources;

  @JsonPropertyDescription("What happens to an object that already exists and differs: none (kept, with a "
      + "warning) or update.")
  private ExistingResourcePolicy existingResourcePolicy;

  @JsonPropertyDescription("Resources whose status is restored too.")
  @Nullable
  private RestoreStatusSpec restoreStatus;

  public String getBackupName() {
    return backupName;
  }

  public void setBackupName(String backupName) {
    this.backupName = backupName;
  }

  public String getScheduleName() {
    return scheduleName;
  }

  public void setScheduleName(String scheduleName) {
    this.scheduleName = scheduleName;
  }

  public List<String> getIncludedNamespaces() {
    return includedNamespaces;
  }

  public void setIncludedNamespaces(List<String> includedNamespaces) {
    this.includedNamespaces = includedNamespaces;
  }

  public List<String> getExcludedNamespaces() {
    return excludedNamespaces;
  }

  public void setExcludedNamespaces(List<String> excludedNamespaces) {
    this.excludedNamespaces = excludedNamespaces;
  }

  public List<String> getIncludedResources() {
    return includedResources;
  }

  public void setIncludedResources(List<String> includedResources) {
    this.includedResources = includedResources;
  }

  public List<String> getExcludedResources() {
    return excludedResources;
  }

  public void setExcludedResources(List<String> excludedResources) {
    this.excludedResources = excludedResources;
  }

  public Map<String, String> getNamespaceMapping() {
    return namespaceMapping;
  }

  public void setNamespaceMapping(Map<String, String> namespaceMapping) {
    this.namespaceMapping = namespaceMapping;
  }

  public LabelSelector getLabelSelector() {
    return labelSelector;
  }

  public void setLabelSelector(LabelSelector labelSelector) {
    this.labelSelector = labelSelector;
  }

  public Boolean getRestorePVs() {
    return restorePVs;
  }

  public void setRestorePVs(Boolean restorePVs) {
    this.restorePVs = restorePVs;
  }

  public Boolean getPreserveNodePorts() {
    return preserveNodePorts;
  }

  public void setPreserveNodePorts(Boolean preserveNodePorts) {
    this.preserveNodePorts = preserveNodePorts;
  }

  public Boolean getIncludeClusterResources() {
    return includeClusterResources;
  }

  public void setIncludeClusterResources(Boolean includeClusterResources) {
    this.includeClusterResources = includeClusterResources;
  }

  public ExistingResourcePolicy getExistingResourcePolicy() {
    return existingResourcePolicy;
  }

  public void setExistingResourcePolicy(ExistingResourcePolicy existingResourcePolicy) {
    this.existingResourcePolicy = existingResourcePolicy;
  }

  public RestoreStatusSpec getRestoreStatus() {
    return restoreStatus;
  }

  public void setRestoreStatus(RestoreStatusSpec restoreStatus) {
    this.restoreStatus = restoreStatus;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    RestoreSpec that = (RestoreSpec) o;
    return Objects.equals(backupName, that.backupName)
        && Objects.equals(scheduleName, that.scheduleName)
        && Objects.equals(includedNamespaces, that.includedNamespaces)
        && Objects.equals(excludedNamespaces, that.excludedNamespaces)
        && Objects.equals(includedResources, that.includedResources)
        && Objects.equals(excludedResources, that.excludedResources)
        && Objects.equals(namespaceMapping, that.namespaceMapping)
        && Objects.equals(labelSelector, that.labelSelector)
        && Objects.equals(restorePVs, that.restorePVs)
        && Objects.equals(preserveNodePorts, that.preserveNodePorts)
        && Objects.equals(includeClusterResources, that.includeClusterResources)
        && Objects.equals(existingResourcePolicy, that.existingResourcePolicy)
        && Objects.equals(restoreStatus, that.restoreStatus);
  }

  @Override
  public int hashCode() {
    return Objects.hash(backupName, scheduleName, includedNamespaces, excludedNamespaces, includedResources,
        excludedResources, namespaceMapping, labelSelector, restorePVs, preserveNodePorts,
        includeClusterResources, existingResourcePolicy, restoreStatus);
  }
}
