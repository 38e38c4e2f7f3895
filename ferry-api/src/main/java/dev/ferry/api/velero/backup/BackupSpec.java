package dev.ferry.api.velero.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.UnknownFields;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.TypedLocalObjectReference;
import java.util.List;
import java.util.Map;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** Desired state of a Backup: which objects to back up, and where. Every field of Velero 1.18's BackupSpec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class BackupSpec extends UnknownFields {

  @JsonPropertyDescription("Labels given to the backup's own object when it is synced from storage.")
  private BackupSpecMetadata metadata;

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

  @JsonPropertyDescription("Cluster-scoped resources to include (not combined with includedResources).")
  @Nullable
  private List<String> includedClusterScopedResources;

  @JsonPropertyDescription("Cluster-scoped resources to exclude.")
  @Nullable
  private List<String> excludedClusterScopedResources;

  @JsonPropertyDescription("Namespaced resources to include (not combined with includedResources).")
  @Nullable
  private List<String> includedNamespaceScopedResources;

  @JsonPropertyDescription("Namespaced resources to exclude.")
  @Nullable
  private List<String> excludedNamespaceScopedResources;

  @JsonPropertyDescription("Only objects whose labels match are backed up.")
  @Nullable
  private LabelSelector labelSelector;

  @JsonPropertyDescription("Objects matching any of these selectors are backed up (not combined with "
      + "labelSelector).")
  @Nullable
  private List<LabelSelector> orLabelSelectors;

  @JsonPropertyDescription("Whether persistent volumes are snapshotted.")
  @Nullable
  private Boolean snapshotVolumes;

  @JsonPropertyDescription("How long the backup is kept before it is garbage-collected, e.g. 720h0m0s.")
  private String ttl;

  @JsonPropertyDescription("Whether cluster-scoped resources are included; when unset, only those related to the "
      + "included namespaced resources are (e.g. the persistent volumes of included claims).")
  @Nullable
  private Boolean includeClusterResources;

  @JsonPropertyDescription("Commands run in pods before and after their items are backed up.")
  private BackupHooks hooks;

  @JsonPropertyDescription("Name of the BackupStorageLocation the backup is stored in.")
  private String storageLocation;

  @JsonPropertyDescription("Names of the VolumeSnapshotLocations that hold the volume snapshots.")
  private List<String> volumeSnapshotLocations;

  @JsonPropertyDescription("Older name of defaultVolumesToFsBackup.")
  @Nullable
  private Boolean defaultVolumesToRestic;

  @JsonPropertyDescription("Whether all pod volumes are backed up file by file (file-system backup) unless "
      + "excluded.")
  @Nullable
  private Boolean defaultVolumesToFsBackup;

  @JsonPropertyDescription("Order in which objects are backed up: per resource (plural.group), a comma-separated "
      + "list of namespace/name (or name for cluster-scoped objects).")
  @Nullable
  private Map<String, String> orderedResources;

  @JsonPropertyDescription("How long to wait for CSI volume snapshots to become ready, e.g. 10m.")
  private String csiSnapshotTimeout;

  @JsonPropertyDescription("How long to wait for asynchronous backup item operations, e.g. 4h.")
  private String itemOperationTimeout;

  @JsonPropertyDescription("A ConfigMap (kind and name) of volume policies for the backup.")
  private TypedLocalObjectReference resourcePolicy;

  @JsonPropertyDescription("Whether CSI snapshot data is moved to the backup storage location.")
  @Nullable
  private Boolean snapshotMoveData;

  @JsonPropertyDescription("Data mover moving snapshot data; empty means Velero's built-in one.")
  private String datamover;

  @JsonPropertyDescription("Settings of the file-system uploader.")
  @Nullable
  private UploaderConfigForBackup uploaderConfig;

  @JsonPropertyDescription("Label key grouping volumes into volume group snapshots.")
  private String volumeGroupSnapshotLabelKey;
}
