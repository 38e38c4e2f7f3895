package dev.ferry.api.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Base of every status that carries MTC-style conditions. {@link #conditions()} gives the helper that
 * maintains them (set, find, staging); it is kept with the status so staging survives between calls.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ConditionedStatus {

  @JsonPropertyDescription("Observations of the resource's state: validation results, readiness, progress and "
      + "outcome. Each has a type, a status (True/False), a category (Critical, Error, Warn, Required, Advisory), "
      + "a reason, a message and the time of its last transition.")
  private List<Condition> conditions;

  @JsonIgnore
  private transient Conditions view;

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  /** The conditions helper for this status (system UTC clock unless another was given). */
  public Conditions conditions() {
    if (view == null) {
      view = new Conditions(this::getConditions, this::setConditions, Clock.systemUTC());
    }
    return view;
  }

  /** The conditions helper for this status, stamping times from the given clock. */
  public Conditions conditions(Clock clock) {
    Conditions c = conditions();
    c.useClock(clock);
    return c;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    return Objects.equals(conditions, ((ConditionedStatus) o).conditions);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(conditions);
  }
}
