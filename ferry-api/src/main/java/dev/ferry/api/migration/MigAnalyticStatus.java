package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.ConditionedStatus;
import java.util.Objects;

/** Observed state of a MigAnalytic. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MigAnalyticStatus extends ConditionedStatus {

  @JsonPropertyDescription("Generation of the spec the controller last reconciled.")
  private Long observedGeneration;

  @JsonPropertyDescription("The collected data.")
  private AnalyticsPlan analytics;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public AnalyticsPlan getAnalytics() {
    return analytics;
  }

  public void setAnalytics(AnalyticsPlan analytics) {
    this.analytics = analytics;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass() || !super.equals(o)) {
      return false;
    }
    MigAnalyticStatus that = (MigAnalyticStatus) o;
    return Objects.equals(observedGeneration, that.observedGeneration)
        && Objects.equals(analytics, that.analytics);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), observedGeneration, analytics);
  }
}
