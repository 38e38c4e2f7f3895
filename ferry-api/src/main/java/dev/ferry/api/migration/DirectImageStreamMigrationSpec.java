package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Objects;

/**
 * Desired state of a DirectImageStreamMigration: copy the images of one image stream straight from
 * the source cluster's registry to the destination cluster's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DirectImageStreamMigrationSpec {

  @JsonPropertyDescription("Reference (name and namespace) to the MigCluster to migrate from.")
  private ObjectReference srcMigClusterRef;

  @JsonPropertyDescription("Reference (name and namespace) to the MigCluster to migrate to.")
  private ObjectReference destMigClusterRef;

  @JsonPropertyDescription("Reference (name and namespace on the source cluster) to the image stream.")
  private ObjectReference imageStreamRef;

  @JsonPropertyDescription("Namespace of the image stream on the destination cluster.")
  private String destNamespace;

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

  public ObjectReference getImageStreamRef() {
    return imageStreamRef;
  }

  public void setImageStreamRef(ObjectReference imageStreamRef) {
    this.imageStreamRef = imageStreamRef;
  }

  public String getDestNamespace() {
    return destNamespace;
  }

  public void setDestNamespace(String destNamespace) {
    this.destNamespace = destNamespace;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    DirectImageStreamMigrationSpec that = (DirectImageStreamMigrationSpec) o;
    return Objects.equals(srcMigClusterRef, that.srcMigClusterRef)
        && Objects.equals(destMigClusterRef, that.destMigClusterRef)
        && Objects.equals(imageStreamRef, that.imageStreamRef)
        && Objects.equals(destNamespace, that.destNamespace);
  }

  @Override
  public int hashCode() {
    return Objects.hash(srcMigClusterRef, destMigClusterRef, imageStreamRef, destNamespace);
  }
}
