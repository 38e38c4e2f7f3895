package dev.ferry.api.migration.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;
import lombok.Data;

/** Settings for taking volume snapshots (snapshot copy method). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
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
}
