package dev.ferry.api.migration.settings;

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
import lombok.Data;

/**
 * Settings of the migration toolkit on one cluster. Fields not listed here are kept (the MTC
 * operator accepts many more); Ferry ignores them.
 */
@PreserveUnknownFields
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
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

  @JsonPropertyDescription("Ferry: how long a pod that copies volume data may stay Pending (unschedulable, its "
      + "image missing, its volume not attachable) before the DirectVolumeMigration (condition TransferPodsPending) "
      + "and its MigMigration (DirectVolumeMigrationBlocked) name it and why, as hours (h), minutes (m) and seconds "
      + "(s), e.g. 10m or 1h30m. Default 10m, as MTC.")
  @JsonProperty("transfer_pod_pending_timeout")
  @Pattern("^([0-9]+(\\.[0-9]+)?(h|m|s|ms))+$")
  private String transferPodPendingTimeout;

  @JsonPropertyDescription("Ferry: how much of a backup a restore reads (a backup is untrusted input); see "
      + "docs/security.md.")
  @JsonProperty("restore_limits")
  private RestoreLimits restoreLimits;

  @JsonPropertyDescription("Ferry: self-service migrations for namespace owners; see docs/security.md.")
  @JsonProperty("self_service")
  private SelfService selfService;

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
}
