package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Objects;

/** The attempts of the data transfer of one claim. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RsyncOperation {

  @JsonPropertyDescription("Reference to the persistent volume claim.")
  private ObjectReference pvcReference;

  @JsonPropertyDescription("Number of the current attempt.")
  private Integer currentAttempt;

  @JsonPropertyDescription("True if the transfer as a whole succeeded.")
  private Boolean succeeded;

  @JsonPropertyDescription("True if the transfer as a whole failed.")
  private Boolean failed;

  public ObjectReference getPvcReference() {
    return pvcReference;
  }

  public void setPvcReference(ObjectReference pvcReference) {
    this.pvcReference = pvcReference;
  }

  public Integer getCurrentAttempt() {
    return currentAttempt;
  }

  public void setCurrentAttempt(Integer currentAttempt) {
    this.currentAttempt = currentAttempt;
  }

  public Boolean getSucceeded() {
    return succeeded;
  }

  public void setSucceeded(Boolean succeeded) {
    this.succeeded = succeeded;
  }

  public Boolean getFailed() {
    return failed;
  }

  public void setFailed(Boolean failed) {
    this.failed = failed;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    RsyncOperation that = (RsyncOperation) o;
    return Objects.equals(pvcReference, that.pvcReference)
        && Objects.equals(currentAttempt, that.currentAttempt)
        && Objects.equals(succeeded, that.succeeded)
        && Objects.equals(failed, that.failed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pvcReference, currentAttempt, succeeded, failed);
  }
}
