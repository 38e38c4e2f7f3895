package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.InlineObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.List;
import java.util.Objects;

/** An image stream handled by a DirectImageMigration (its reference is inlined). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImageStreamListItem extends InlineObjectReference {

  @JsonPropertyDescription("Namespace of the image stream on the destination cluster.")
  private String destNamespace;

  @JsonPropertyDescription("True if the image stream was not found on the source cluster.")
  private Boolean notFound;

  @JsonPropertyDescription("Reference to the DirectImageStreamMigration copying this image stream.")
  private ObjectReference directMigration;

  @JsonPropertyDescription("Errors of this image stream's migration.")
  private List<String> errors;

  public String getDestNamespace() {
    return destNamespace;
  }

  public void setDestNamespace(String destNamespace) {
    this.destNamespace = destNamespace;
  }

  public Boolean getNotFound() {
    return notFound;
  }

  public void setNotFound(Boolean notFound) {
    this.notFound = notFound;
  }

  public ObjectReference getDirectMigration() {
    return directMigration;
  }

  public void setDirectMigration(ObjectReference directMigration) {
    this.directMigration = directMigration;
  }

  public List<String> getErrors() {
    return errors;
  }

  public void setErrors(List<String> errors) {
    this.errors = errors;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass() || !super.equals(o)) {
      return false;
    }
    ImageStreamListItem that = (ImageStreamListItem) o;
    return Objects.equals(destNamespace, that.destNamespace)
        && Objects.equals(notFound, that.notFound)
        && Objects.equals(directMigration, that.directMigration)
        && Objects.equals(errors, that.errors);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), destNamespace, notFound, directMigration, errors);
  }
}
