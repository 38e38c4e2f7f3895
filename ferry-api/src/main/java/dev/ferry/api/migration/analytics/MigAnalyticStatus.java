package dev.ferry.api.migration.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.ConditionedStatus;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** Observed state of a MigAnalytic. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
@ToString(callSuper = true)
public class MigAnalyticStatus extends ConditionedStatus {

  @JsonPropertyDescription("Generation of the spec the controller last reconciled.")
  private Long observedGeneration;

  @JsonPropertyDescription("The collected data.")
  private AnalyticsPlan analytics;
}
