package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Map;
import java.util.Objects;

/** Desired state of a DirectVolumeMigrationProgress: which data transfer to watch. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DirectVolumeMigrationProgressSpec {

  @JsonPropertyDescription("Reference (name and namespace) to the MigCluster on which the transfer runs.")
  private ObjectReference clusterRef;

  @JsonPropertyDescription("Reference (name and namespace) to the data transfer (Rsync) pod.")
  private ObjectReference podRef;

  @JsonPropertyDescription("Namespace of the transfer pods, when they are found by podSelector.")
  private String podNamespace;

  @JsonPropertyDescription("Labels of the transfer pods (all attempts of one transfer).")
  private Map<String, String> podSelector;

  @JsonPropertyDescription("Ferry: reference to the persistent volume claim being copied; used when the transfer "
      + "runs inside the controller rather than in a pod.")
  private ObjectReference pvcRef;

  public ObjectReference getClusterRef() {
    return clusterRef;
  }

  public void setClusterRef(ObjectReference clusterRef) {
    this.clusterRef = clusterRef;
  }

  public ObjectReference getPodRef() {
    return podRef;
  }

  public void setPodRef(ObjectReference podRef) {
    this.podRef = podRef;
  }

  public String getPodNamespace() {
    return podNamespace;
  }

  public void setPodNamespace(String podNamespace) {
    this.podNamespace = podNamespace;
  }

  public Map<String, String> getPodSelector() {
    return podSelector;
  }

  public void setPodSelector(Map<String, String> podSelector) {
    this.podSelector = podSelector;
  }

  public ObjectReference getPvcRef() {
    return pvcRef;
  }

  public void setPvcRef(ObjectReference pvcRef) {
    this.pvcRef = pvcRef;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    DirectVolumeMigrationProgressSpec that = (DirectVolumeMigrationProgressSpec) o;
    return Objects.equals(clusterRef, that.clusterRef)
        && Objects.equals(podRef, that.podRef)
        && Objects.equals(podNamespace, that.podNamespace)
        && Objects.equals(podSelector, that.podSelector)
        && Objects.equals(pvcRef, that.pvcRef);
  }

  @Override
  public int hashCode() {
    return Objects.hash(clusterRef, podRef, podNamespace, podSelector, pvcRef);
  }
}
