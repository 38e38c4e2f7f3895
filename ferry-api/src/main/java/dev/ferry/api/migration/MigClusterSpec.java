package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Objects;

/** Desired state of a MigCluster: how to reach a cluster that takes part in migrations. */
@JsonInclude(JsonInclude.Include.NON_NULL)
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

  public Boolean getIsHostCluster() {
    return isHostCluster;
  }

  public void setIsHostCluster(Boolean isHostCluster) {
    this.isHostCluster = isHostCluster;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public ObjectReference getServiceAccountSecretRef() {
    return serviceAccountSecretRef;
  }

  public void setServiceAccountSecretRef(ObjectReference serviceAccountSecretRef) {
    this.serviceAccountSecretRef = serviceAccountSecretRef;
  }

  public String getCaBundle() {
    return caBundle;
  }

  public void setCaBundle(String caBundle) {
    this.caBundle = caBundle;
  }

  public String getAzureResourceGroup() {
    return azureResourceGroup;
  }

  public void setAzureResourceGroup(String azureResourceGroup) {
    this.azureResourceGroup = azureResourceGroup;
  }

  public Boolean getInsecure() {
    return insecure;
  }

  public void setInsecure(Boolean insecure) {
    this.insecure = insecure;
  }

  public Boolean getRestartRestic() {
    return restartRestic;
  }

  public void setRestartRestic(Boolean restartRestic) {
    this.restartRestic = restartRestic;
  }

  public Boolean getRefresh() {
    return refresh;
  }

  public void setRefresh(Boolean refresh) {
    this.refresh = refresh;
  }

  public String getExposedRegistryPath() {
    return exposedRegistryPath;
  }

  public void setExposedRegistryPath(String exposedRegistryPath) {
    this.exposedRegistryPath = exposedRegistryPath;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    MigClusterSpec that = (MigClusterSpec) o;
    return Objects.equals(isHostCluster, that.isHostCluster)
        && Objects.equals(url, that.url)
        && Objects.equals(serviceAccountSecretRef, that.serviceAccountSecretRef)
        && Objects.equals(caBundle, that.caBundle)
        && Objects.equals(azureResourceGroup, that.azureResourceGroup)
        && Objects.equals(insecure, that.insecure)
        && Objects.equals(restartRestic, that.restartRestic)
        && Objects.equals(refresh, that.refresh)
        && Objects.equals(exposedRegistryPath, that.exposedRegistryPath);
  }

  @Override
  public int hashCode() {
    return Objects.hash(isHostCluster, url, serviceAccountSecretRef, caBundle, azureResourceGroup, insecure,
        restartRestic, refresh, exposedRegistryPath);
  }
}
