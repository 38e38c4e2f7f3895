package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Objects;

/** Settings for taking volume snapshots (snapshot copy method). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VolumeSnapshotConfig {

  @JsonPropertyDescription("Snapshot copy method only: geographic region of the cluster's volumes.")
  private String awsRegion;

  @JsonPropertyDescription("Snapshot copy method only: the Secret (name and namespace) that holds the "
      + "credentials for taking snapshots.")
  private ObjectReference credsSecretRef;

  @JsonPropertyDescription("Microsoft Azure only: timeout of Azure API calls, e.g. 2m0s.")
  private String azureApiTimeout;

  @JsonPropertyDescription("Microsoft Azure only: resource group in which snapshots are created.")
  private String azureResourceGroup;

  @JsonPropertyDescription("How long to wait for a snapshot to be created, e.g. 10m0s.")
  private String snapshotCreationTimeout;

  public String getAwsRegion() {
    return awsRegion;
  }

  public void setAwsRegion(String awsRegion) {
    this.awsRegion = awsRegion;
  }

  public ObjectReference getCredsSecretRef() {
    return credsSecretRef;
  }

  public void setCredsSecretRef(ObjectReference credsSecretRef) {
    this.credsSecretRef = credsSecretRef;
  }

  public String getAzureApiTimeout() {
    return azureApiTimeout;
  }

  public void setAzureApiTimeout(String azureApiTimeout) {
    this.azureApiTimeout = azureApiTimeout;
  }

  public String getAzureResourceGroup() {
    return azureResourceGroup;
  }

  public void setAzureResourceGroup(String azureResourceGroup) {
    this.azureResourceGroup = azureResourceGroup;
  }

  public String getSnapshotCreationTimeout() {
    return snapshotCreationTimeout;
  }

  public void setSnapshotCreationTimeout(String snapshotCreationTimeout) {
    this.snapshotCreationTimeout = snapshotCreationTimeout;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    VolumeSnapshotConfig that = (VolumeSnapshotConfig) o;
    return Objects.equals(awsRegion, that.awsRegion)
        && Objects.equals(credsSecretRef, that.credsSecretRef)
        && Objects.equals(azureApiTimeout, that.azureApiTimeout)
        && Objects.equals(azureResourceGroup, that.azureResourceGroup)
        && Objects.equals(snapshotCreationTimeout, that.snapshotCreationTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(awsRegion, credsSecretRef, azureApiTimeout, azureResourceGroup,
        snapshotCreationTimeout);
  }
}
