package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.ConditionedStatus;
import java.util.Objects;

/** Observed state of a MigHook. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MigHookStatus extends ConditionedStatus {

  @JsonPropertyDescription("Generation of the spec the controller last reconciled.")
  private Long observedGeneration;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass() || !super.equals(o)) {
      return false;
    }
    MigHookStatus that = (MigHookStatus) o;
    return Objects.equals(observedGeneration, that.observedGeneration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), observedGeneration);
  }
}
