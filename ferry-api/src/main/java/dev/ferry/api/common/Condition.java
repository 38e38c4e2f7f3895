package dev.ferry.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.ArrayList;
import java.util.List;
import lombok.Data;

/**
 * One observation about a resource, as in MTC's conditions: type, status, category, reason, message
 * and the time of the last change. Use {@link Conditions} to maintain a list of them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class Condition {

  @JsonPropertyDescription("Type of the condition, e.g. Ready, Succeeded or InvalidSourceClusterRef.")
  @Required
  private String type;

  @JsonPropertyDescription("Status of the condition: True, False or Unknown.")
  @Required
  private String status;

  @JsonPropertyDescription("Machine-readable reason for the condition, e.g. NotFound, NotReady or Completed.")
  private String reason;

  @JsonPropertyDescription("How much the condition matters: Critical (blocks reconciliation), Error (blocks "
      + "Ready), Warn, Required (needed for Ready) or Advisory.")
  private Category category;

  @JsonPropertyDescription("Human-readable description of the condition.")
  private String message;

  @JsonPropertyDescription("When the condition last changed its status, reason, category or message (RFC 3339).")
  private String lastTransitionTime;

  @JsonPropertyDescription("If true, the condition survives re-validation: it is kept until it is explicitly "
      + "cleared.")
  private Boolean durable;

  @JsonPropertyDescription("Items the message refers to, e.g. the names of namespaces that were not found.")
  private List<String> items;

  /** Value of {@link #getStatus()} for a condition that holds. */
  public static final String TRUE = "True";
  /** Value of {@link #getStatus()} for a condition that does not hold. */
  public static final String FALSE = "False";
  /** Type of the condition every reconciled resource gets when it is ready. */
  public static final String READY = "Ready";

  /** A condition with status True. */
  public static Condition of(String type, Category category, String reason, String message) {
    Condition c = new Condition();
    c.setType(type);
    c.setStatus(TRUE);
    c.setCategory(category);
    c.setReason(reason);
    c.setMessage(message);
    return c;
  }

  /** A copy of this condition (the items list is copied too). */
  public Condition copy() {
    Condition c = new Condition();
    c.type = type;
    c.status = status;
    c.reason = reason;
    c.category = category;
    c.message = message;
    c.lastTransitionTime = lastTransitionTime;
    c.durable = durable;
    c.items = items == null ? null : new ArrayList<>(items);
    return c;
  }

  /** Returns this condition, marked durable. */
  public Condition markDurable() {
    this.durable = Boolean.TRUE;
    return this;
  }

  /** Returns this condition with the given items. */
  public Condition withItems(List<String> items) {
    this.items = items;
    return this;
  }

  /** Whether the status is True. */
  public boolean holds() {
    return TRUE.equals(status);
  }

  /** Whether the condition is durable (an unset flag counts as false). */
  public boolean durable() {
    return Boolean.TRUE.equals(durable);
  }

  @Override
  public String toString() {
    return type + "=" + status + " (" + category + ", " + reason + "): " + message;
  }
}
