package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the migration toolkit on one cluster. Fields not listed here are kept (the MTC
 * operator accepts many more); Ferry ignores them.
 */
@PreserveUnknownFields
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MigrationControllerSpec {

  @JsonPropertyDescription("Whether the data transfer (Rsync) pods run as super-privileged containers (SELinux "
      + "context spc_t), which skips SELinux relabeling of large volumes. Valid values: true "
      + "or false.")
  @JsonProperty("migration_rsync_super_privileged")
  @Default("false")
  private Boolean migrationRsyncSuperPrivileged;

  @JsonPropertyDescription("Microsoft Azure only: resource group of the cluster.")
  @JsonProperty("azure_resource_group")
  private String azureResourceGroup;

  @JsonPropertyDescription("Name of this cluster, e.g. host.")
  @JsonProperty("cluster_name")
  private String clusterName;

  @JsonPropertyDescription("Maximum number of namespaces in a MigPlan. Default 10.")
  @JsonProperty("mig_namespace_limit")
  @Default("\"10\"")
  private IntOrString migNamespaceLimit;

  @JsonPropertyDescription("Maximum number of pods in the namespaces of a MigPlan. Default 100.")
  @JsonProperty("mig_pod_limit")
  @Default("\"100\"")
  private IntOrString migPodLimit;

  @JsonPropertyDescription("Maximum number of persistent volumes in a MigPlan. Default 100.")
  @JsonProperty("mig_pv_limit")
  @Default("\"100\"")
  private IntOrString migPvLimit;

  @JsonPropertyDescription("If true, the migration controller runs on this cluster.")
  @JsonProperty("migration_controller")
  private Boolean migrationController;

  @JsonPropertyDescription("If true, the migration log reader runs on this cluster.")
  @JsonProperty("migration_log_reader")
  private Boolean migrationLogReader;

  @JsonPropertyDescription("If true, the web console runs on this cluster.")
  @JsonProperty("migration_ui")
  private Boolean migrationUi;

  @JsonPropertyDescription("If true, the backup and restore engine runs on this cluster.")
  @JsonProperty("migration_velero")
  private Boolean migrationVelero;

  @JsonPropertyDescription("True if the operator is managed by the Operator Lifecycle Manager.")
  @JsonProperty("olm_managed")
  private Boolean olmManaged;

  @JsonPropertyDescription("Timeout of a volume backup or restore through the replication repository (Restic), "
      + "as hours (h), minutes (m) and seconds (s), e.g. 1h or 3h30m15s. Default 1h; larger "
      + "values delay the report of a stuck copy.")
  @JsonProperty("restic_timeout")
  @Default("1h")
  @Pattern("^([0-9]+(\\.[0-9]+)?(h|m|s|ms))+$")
  private String resticTimeout;

  @JsonPropertyDescription("Supplemental group ID(s) of the pods that copy volume data through the replication "
      + "repository, e.g. to read NFS volumes exported with root_squash: one group ID, or a "
      + "list of group IDs.")
  @JsonProperty("restic_supplemental_groups")
  private JsonNode resticSupplementalGroups;

  @JsonPropertyDescription("Version of the migration toolkit, e.g. 1.8.3.")
  private String version;

  @JsonPropertyDescription("Ferry: resources (plural or plural.group) never migrated, in addition to the "
      + "built-in exclusions.")
  @JsonProperty("excluded_resources")
  private List<String> excludedResources;

  @JsonPropertyDescription("Image that runs the Ansible playbooks of MigHooks with custom false.")
  @JsonProperty("hook_runner_image")
  private String hookRunnerImage;

  @JsonPropertyDescription("Ferry: image of the pods that copy volume data; the controller's own image when "
      + "unset.")
  @JsonProperty("mover_image")
  private String moverImage;

  @JsonPropertyDescription("Ferry: how much of a backup a restore reads (a backup is untrusted input); see "
      + "docs/security.md.")
  @JsonProperty("restore_limits")
  private RestoreLimits restoreLimits;

  @JsonPropertyDescription("Ferry: self-service migrations for namespace owners; see docs/security.md.")
  @JsonProperty("self_service")
  private SelfService selfService;

  public SelfService getSelfService() {
    return selfService;
  }

  public void setSelfService(SelfService selfService) {
    this.selfService = selfService;
  }

  public RestoreLimits getRestoreLimits() {
    return restoreLimits;
  }

  public void setRestoreLimits(RestoreLimits restoreLimits) {
    this.restoreLimits = restoreLimits;
  }

  /**
   * The supplemental group IDs: {@code restic_supplemental_groups} as a single group ID (number or
   * numeric string) or as a list of them. Empty when unset.
   */
  public List<Long> supplementalGroupIds() {
    List<Long> ids = new ArrayList<>();
    if (resticSupplementalGroups == null || resticSupplementalGroups.isNull()) {
      return ids;
    }
    if (resticSupplementalGroups.isArray()) {
      resticSupplementalGroups.forEach(n -> ids.add(Long.parseLong(n.asText().trim())));
    } else {
      ids.add(Long.parseLong(resticSupplementalGroups.asText().trim()));
    }
    return ids;
  }

  public Boolean getMigrationRsyncSuperPrivileged() {
    return migrationRsyncSuperPrivileged;
  }

  public void setMigrationRsyncSuperPrivileged(Boolean migrationRsyncSuperPrivileged) {
    this.migrationRsyncSuperPrivileged = migrationRsyncSuperPrivileged;
  }

  public String getAzureResourceGroup() {
    return azureResourceGroup;
  }

  public void setAzureResourceGroup(String azureResourceGroup) {
    this.azureResourceGroup = azureResourceGroup;
  }

  public String getClusterName() {
    return clusterName;
  }

  public void setClusterName(String clusterName) {
    this.clusterName = clusterName;
  }

  public IntOrString getMigNamespaceLimit() {
    return migNamespaceLimit;
  }

  public void setMigNamespaceLimit(IntOrString migNamespaceLimit) {
    this.migNamespaceLimit = migNamespaceLimit;
  }

  public IntOrString getMigPodLimit() {
    return migPodLimit;
  }

  public void setMigPodLimit(IntOrString migPodLimit) {
    this.migPodLimit = migPodLimit;
  }

  public IntOrString getMigPvLimit() {
    return migPvLimit;
  }

  public void setMigPvLimit(IntOrString migPvLimit) {
    this.migPvLimit = migPvLimit;
  }

  public Boolean getMigrationController() {
    return migrationController;
  }

  public void setMigrationController(Boolean migrationController) {
    this.migrationController = migrationController;
  }

  public Boolean getMigrationLogReader() {
    return migrationLogReader;
  }

  public void setMigrationLogReader(Boolean migrationLogReader) {
    this.migrationLogReader = migrationLogReader;
  }

  public Boolean getMigrationUi() {
    return migrationUi;
  }

  public void setMigrationUi(Boolean migrationUi) {
    this.migrationUi = migrationUi;
  }

  public Boolean getMigrationVelero() {
    return migrationVelero;
  }

  public void setMigrationVelero(Boolean migrationVelero) {
    this.migrationVelero = migrationVelero;
  }

  public Boolean getOlmManaged() {
    return olmManaged;
  }

  public void setOlmManaged(Boolean olmManaged) {
    this.olmManaged = olmManaged;
  }

  public String getResticTimeout() {
    return resticTimeout;
  }

  public void setResticTimeout(String resticTimeout) {
    this.resticTimeout = resticTimeout;
  }

  public JsonNode getResticSupplementalGroups() {
    return resticSupplementalGroups;
  }

  public void setResticSupplementalGroups(JsonNode resticSupplementalGroups) {
    this.resticSupplementalGroups = resticSupplementalGroups;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public List<String> getExcludedResources() {
    return excludedResources;
  }

  public void setExcludedResources(List<String> excludedResources) {
    this.excludedResources = excludedResources;
  }

  public String getHookRunnerImage() {
    return hookRunnerImage;
  }

  public void setHookRunnerImage(String hookRunnerImage) {
    this.hookRunnerImage = hookRunnerImage;
  }

  public String getMoverImage() {
    return moverImage;
  }

  public void setMoverImage(String moverImage) {
    this.moverImage = moverImage;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    MigrationControllerSpec that = (MigrationControllerSpec) o;
    return Objects.equals(migrationRsyncSuperPrivileged, that.migrationRsyncSuperPrivileged)
        && Objects.equals(azureResourceGroup, that.azureResourceGroup)
        && Objects.equals(clusterName, that.clusterName)
        && Objects.equals(migNamespaceLimit, that.migNamespaceLimit)
        && Objects.equals(migPodLimit, that.migPodLimit)
        && Objects.equals(migPvLimit, that.migPvLimit)
        && Objects.equals(migrationController, that.migrationController)
        && Objects.equals(migrationLogReader, that.migrationLogReader)
        && Objects.equals(migrationUi, that.migrationUi)
        && Objects.equals(migrationVelero, that.migrationVelero)
        && Objects.equals(olmManaged, that.olmManaged)
        && Objects.equals(resticTimeout, that.resticTimeout)
        && Objects.equals(resticSupplementalGroups, that.resticSupplementalGroups)
        && Objects.equals(version, that.version)
        && Objects.equals(excludedResources, that.excludedResources)
        && Objects.equals(hookRunnerImage, that.hookRunnerImage)
        && Objects.equals(moverImage, that.moverImage)
        && Objects.equals(restoreLimits, that.restoreLimits)
        && Objects.equals(selfService, that.selfService);
  }

  @Override
  public int hashCode() {
    return Objects.hash(migrationRsyncSuperPrivileged, azureResourceGroup, clusterName, migNamespaceLimit,
        migPodLimit, migPvLimit, migrationController, migrationLogReader, migrationUi, migrationVelero,
        olmManaged, resticTimeout, resticSupplementalGroups, version, excludedResources, hookRunnerImage,
        moverImage, restoreLimits, selfService);
  }
}
