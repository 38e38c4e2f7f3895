package dev.ferry.api.velero;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Desired state of a Backup: which objects to back up, and where. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackupSpec {

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

  @JsonPropertyDescription("Only objects whose labels match are backed up.")
  @Nullable
  private LabelSelector labelSelector;

  @JsonPropertyDescription("Whether cluster-scoped resources are included; when unset, only those related to the "
      + "included namespaced resources are (e.g. the persistent volumes of included claims).")
  @Nullable
  private Boolean includeClusterResources;

  @JsonPropertyDescription("Whether persistent volumes are snapshotted.")
  @Nullable
  private Boolean snapshotVolumes;

  @JsonPropertyDescription("How long the backup is kept before it is garbage-collected, e.g. 720h0m0s.")
  private String ttl;

  @JsonPropertyDescription("Name of the BackupStorageLocation the backup is stored in.")
  private String storageLocation;

  @JsonPropertyDescription("Names of the VolumeSnapshotLocations that hold the volume snapshots.")
  @Nullable
  private List<String> volumeSnapshotLocations;

  @JsonPropertyDescription("Commands run in pods before and after their items are backed up.")
  private BackupHooks hooks;

  @JsonPropertyDescription("Whether all pod volumes are backed up file by file (file-system backup) unless "
      + "excluded.")
  @Nullable
  private Boolean defaultVolumesToFsBackup;

  @JsonPropertyDescription("Older name of defaultVolumesToFsBackup.")
  @Nullable
  private Boolean defaultVolumesToRestic;

  @JsonPropertyDescription("Order in which objects are backed up: per resource (plural.group), a comma-separated "
      + "list of namespace/name (or name for cluster-scoped objects).")
  @Nullable
  private Map<String, String> orderedResources;

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

  public LabelSelector getLabelSelector() {
    return labelSelector;
  }

  public void setLabelSelector(LabelSelector labelSelector) {
    this.labelSelector = labelSelector;
  }

  public Boolean getIncludeClusterResources() {
    return includeClusterResources;
  }

  public void setIncludeClusterResources(Boolean includeClusterResources) {
    this.includeClusterResources = includeClusterResources;
  }

  public Boolean getSnapshotVolumes() {
    return snapshotVolumes;
  }

  public void setSnapshotVolumes(Boolean snapshotVolumes) {
    this.snapshotVolumes = snapshotVolumes;
  }

  public String getTtl() {
    return ttl;
  }

  public void setTtl(String ttl) {
    this.ttl = ttl;
  }

  public String getStorageLocation() {
    return storageLocation;
  }

  public void setStorageLocation(String storageLocation) {
    this.storageLocation = storageLocation;
  }

  public List<String> getVolumeSnapshotLocations() {
    return volumeSnapshotLocations;
  }

  public void setVolumeSnapshotLocations(List<String> volumeSnapshotLocations) {
    this.volumeSnapshotLocations = volumeSnapshotLocations;
  }

  public BackupHooks getHooks() {
    return hooks;
  }

  public void setHooks(BackupHooks hooks) {
    this.hooks = hooks;
  }

  public Boolean getDefaultVolumesToFsBackup() {
    return defaultVolumesToFsBackup;
  }

  public void setDefaultVolumesToFsBackup(Boolean defaultVolumesToFsBackup) {
    this.defaultVolumesToFsBackup = defaultVolumesToFsBackup;
  }

  public Boolean getDefaultVolumesToRestic() {
    return defaultVolumesToRestic;
  }

  public void setDefaultVolumesToRestic(Boolean defaultVolumesToRestic) {
    this.defaultVolumesToRestic = defaultVolumesToRestic;
  }

  public Map<String, String> getOrderedResources() {
    return orderedResources;
  }

  public void setOrderedResources(Map<String, String> orderedResources) {
    this.orderedResources = orderedResources;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    BackupSpec that = (BackupSpec) o;
    return Objects.equals(includedNamespaces, that.includedNamespaces)
        && Objects.equals(excludedNamespaces, that.excludedNamespaces)
        && Objects.equals(includedResources, that.includedResources)
        && Objects.equals(excludedResources, that.excludedResources)
        && Objects.equals(labelSelector, that.labelSelector)
        && Objects.equals(includeClusterResources, that.includeClusterResources)
        && Objects.equals(snapshotVolumes, that.snapshotVolumes)
        && Objects.equals(ttl, that.ttl)
        && Objects.equals(storageLocation, that.storageLocation)
        && Objects.equals(volumeSnapshotLocations, that.volumeSnapshotLocations)
        && Objects.equals(hooks, that.hooks)
        && Objects.equals(defaultVolumesToFsBackup, that.defaultVolumesToFsBackup)
        && Objects.equals(defaultVolumesToRestic, that.defaultVolumesToRestic)
        && Objects.equals(orderedResources, that.orderedResources);
  }

  @Override
  public int hashCode() {
    return Objects.hash(includedNamespaces, excludedNamespaces, includedResources, excludedResources,
        labelSelector, includeClusterResources, snapshotVolumes, ttl, storageLocation,
        volumeSnapshotLocations, hooks, defaultVolumesToFsBackup, defaultVolumesToRestic, orderedResources);
  }
}
