package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.List;
import java.util.Objects;

/**
 * Desired state of a DirectImageMigration: copy the images of namespaces' image streams straight
 * from the source cluster's registry to the destination cluster's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DirectImageMigrationSpec {

  @JsonPropertyDescription("Reference (name and namespace) to the MigCluster to migrate from.")
  private ObjectReference srcMigClusterRef;

  @JsonPropertyDescription("Reference (name and namespace) to the MigCluster to migrate to.")
  private ObjectReference destMigClusterRef;

  @JsonPropertyDescription("Namespaces whose images are migrated. An entry is either src (the destination "
      + "namespace has the same name) or src:dest (mapped to the differently named namespace "
      + "dest).")
  private List<String> namespaces;

  @JsonPropertyDescription("Optional: migrate only the image streams whose labels match.")
  private LabelSelector labelSelector;

  public ObjectReference getSrcMigClusterRef() {
    return srcMigClusterRef;
  }

  public void setSrcMigClusterRef(ObjectReference srcMigClusterRef) {
    this.srcMigClusterRef = srcMigClusterRef;
  }

  public ObjectReference getDestMigClusterRef() {
    return destMigClusterRef;
  }

  public void setDestMigClusterRef(ObjectReference destMigClusterRef) {
    this.destMigClusterRef = destMigClusterRef;
  }

  public List<String> getNamespaces() {
    return namespaces;
  }

  public void setNamespaces(List<String> namespaces) {
    this.namespaces = namespaces;
  }

  public LabelSelector getLabelSelector() {
    return labelSelector;
  }

  public void setLabelSelector(LabelSelector labelSelector) {
    this.labelSelector = labelSelector;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    DirectImageMigrationSpec that = (DirectImageMigrationSpec) o;
    return Objects.equals(srcMigClusterRef, that.srcMigClusterRef)
        && Objects.equals(destMigClusterRef, that.destMigClusterRef)
        && Objects.equals(namespaces, that.namespaces)
        && Objects.equals(labelSelector, that.labelSelector);
  }

  @Override
  public int hashCode() {
    return Objects.hash(srcMigClusterRef, destMigClusterRef, namespaces, labelSelector);
  }
}
