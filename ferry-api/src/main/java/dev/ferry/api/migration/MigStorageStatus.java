package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.ConditionedStatus;
import java.util.Objects;

/** Observed state of a MigStorage. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MigStorageStatus extends ConditionedStatus {

  @JsonPropertyDescription("Digest of the spec the controller last reconciled.")
  private String observedDigest;

  public String getObservedDigest() {
    return observedDigest;
  }

  public void setObservedDigest(String observedDigest) {
    this.observedDigest = observedDigest;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass() || !super.equals(o)) {
      return false;
    }
    MigStorageStatus that = (MigStorageStatus) o;
    return Objects.equals(observedDigest, that.observedDigest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), observedDigest);
  }
}
