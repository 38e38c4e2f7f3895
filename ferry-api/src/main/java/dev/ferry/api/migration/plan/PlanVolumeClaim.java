package dev.ferry.api.migration.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import lombok.Data;

/** The claim bound to a persistent volume of a plan. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class PlanVolumeClaim {

  @JsonPropertyDescription("Name of the claim: src, or src:dest when the claim is renamed to dest on the "
      + "destination cluster.")
  private String name;

  @JsonPropertyDescription("Namespace of the claim on the source cluster.")
  private String namespace;

  @JsonPropertyDescription("Access modes of the claim, e.g. ReadWriteOnce.")
  private List<String> accessModes;

  @JsonPropertyDescription("Volume mode of the claim: Filesystem or Block.")
  private String volumeMode;

  @JsonPropertyDescription("True if a pod in the plan's namespaces mounts the claim.")
  private Boolean hasReference;

  @JsonPropertyDescription("Kind of the workload whose pod mounts the claim: Deployment, DeploymentConfig, "
      + "StatefulSet, ReplicaSet, DaemonSet, Job, CronJob, VirtualMachine or Unknown.")
  private String ownerType;
}
