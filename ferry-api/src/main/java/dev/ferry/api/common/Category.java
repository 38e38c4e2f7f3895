package dev.ferry.api.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Category of a condition, as in MTC: how much it matters. */
public enum Category {
  /** An error that blocks reconciliation and the Ready condition. */
  @JsonProperty("Critical")
  CRITICAL("Critical"),

  /** An error that blocks the Ready condition. */
  @JsonProperty("Error")
  ERROR("Error"),

  /** A warning; does not block the Ready condition. */
  @JsonProperty("Warn")
  WARN("Warn"),

  /** A condition required for readiness, such as Ready itself. */
  @JsonProperty("Required")
  REQUIRED("Required"),

  /** Information only, such as the outcome of a migration. */
  @JsonProperty("Advisory")
  ADVISORY("Advisory");

  private final String value;

  Category(String value) {
    this.value = value;
  }

  /** The value as written in manifests. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** The constant for a manifest value, or null if there is none. */
  public static Category fromValue(String value) {
    for (Category c : values()) {
      if (c.value.equals(value)) {
        return c;
      }
    }
    return null;
  }
}
