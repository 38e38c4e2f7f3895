package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.ConditionedStatus;
import java.util.Objects;

/** Observed state of a MigrationController. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MigrationControllerStatus extends ConditionedStatus {

  @JsonPropertyDescription("Generation of the spec the controller last reconciled.")
  private Long observedGeneration;

  @JsonPropertyDescription("Phase of the installation, e.g. Reconciling, Ready or Failed.")
  private String phase;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getPhase() {
    return phase;
  }

  public void setPhase(String phase) {
    this.phase = phase;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass() || !super.equals(o)) {
      return false;
    }
    MigrationControllerStatus that = (MigrationControllerStatus) o;
    return Objects.equals(observedGeneration, that.observedGeneration)
        && Objects.equals(phase, that.phase);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), observedGeneration, phase);
  }
}
