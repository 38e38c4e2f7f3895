package dev.ferry.api.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Clock;
import java.util.List;
import lombok.AccessLevel;
import lombok.Data;
import lombok.Getter;
import lombok.Setter;
import lombok.ToString;

/**
 * Base of every status that carries MTC-style conditions. {@link #conditions()} gives the helper that
 * maintains them (set, find, staging); it is kept with the status so staging survives between calls.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public abstract class ConditionedStatus {

  @JsonPropertyDescription("Observations of the resource's state: validation results, readiness, progress and "
      + "outcome. Each has a type, a status (True/False), a category (Critical, Error, Warn, Required, Advisory), "
      + "a reason, a message and the time of its last transition.")
  private List<Condition> conditions;

  /** Helper over the list; transient, so it is left out of equals and hashCode (and of the JSON). */
  @JsonIgnore
  @Getter(AccessLevel.NONE)
  @Setter(AccessLevel.NONE)
  @ToString.Exclude
  private transient Conditions view;

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
}
