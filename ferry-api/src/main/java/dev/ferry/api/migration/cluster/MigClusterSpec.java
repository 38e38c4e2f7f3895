package dev.ferry.api.migration.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;
import lombok.Data;

/** Desired state of a MigCluster: how to reach a cluster that takes part in migrations. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class MigClusterSpec {

  @JsonPropertyDescription("If true, the migration controller runs on this cluster and reaches it with its own "
      + "service account; url and serviceAccountSecretRef are not used.")
  private Boolean isHostCluster;

  @JsonPropertyDescription("Remote clusters only: URL of the cluster's Kubernetes API server, e.g. "
      + "https://api.example.com:6443.")
  private String url;

  @JsonPropertyDescription("Remote clusters only: the Secret (name and namespace) that holds the service-account "
      + "token, under the key saToken, used to connect to the cluster.")
  private ObjectReference serviceAccountSecretRef;

  @JsonPropertyDescription("Optional: base64-encoded PEM bundle of CA certificates that verifies the cluster's "
      + "API server and exposed registry when insecure is false, e.g. for self-signed "
      + "certificates.")
  private String caBundle;

  @JsonPropertyDescription("Microsoft Azure only: resource group of the cluster's volumes.")
  private String azureResourceGroup;

  @JsonPropertyDescription("If true, TLS certificates of the cluster are not verified.")
  private Boolean insecure;

  @JsonPropertyDescription("Source clusters: if true, the volume backup agents (Restic pods) on the cluster are "
      + "restarted after the stage pods are created.")
  private Boolean restartRestic;

  @JsonPropertyDescription("Set to true to ask the controller to validate the resource again; the controller "
      + "resets it to false.")
  private Boolean refresh;

  @JsonPropertyDescription("Remote clusters and direct image migration only: the exposed, secured path (route "
      + "host) of the cluster's internal image registry.")
  private String exposedRegistryPath;
}
