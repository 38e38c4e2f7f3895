package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** The claim bound to a persistent volume of a plan. */
@JsonInclude(JsonInclude.Include.NON_NULL)
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

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public List<String> getAccessModes() {
    return accessModes;
  }

  public void setAccessModes(List<String> accessModes) {
    this.accessModes = accessModes;
  }

  public String getVolumeMode() {
    return volumeMode;
  }

  public void setVolumeMode(String volumeMode) {
    this.volumeMode = volumeMode;
  }

  public Boolean getHasReference() {
    return hasReference;
  }

  public void setHasReference(Boolean hasReference) {
    this.hasReference = hasReference;
  }

  public String getOwnerType() {
    return ownerType;
  }

  public void setOwnerType(String ownerType) {
    this.ownerType = ownerType;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    PlanVolumeClaim that = (PlanVolumeClaim) o;
    return Objects.equals(name, that.name)
        && Objects.equals(namespace, that.namespace)
        && Objects.equals(accessModes, that.accessModes)
        && Objects.equals(volumeMode, that.volumeMode)
        && Objects.equals(hasReference, that.hasReference)
        && Objects.equals(ownerType, that.ownerType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, namespace, accessModes, volumeMode, hasReference, ownerType);
  }
}
