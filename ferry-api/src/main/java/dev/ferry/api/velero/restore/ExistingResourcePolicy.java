package dev.ferry.api.velero.restore;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a Restore does with an object that already exists and differs. */
public enum ExistingResourcePolicy {
  /** Keep the existing object and report a warning. */
  @JsonProperty("none")
  NONE("none"),

  /** Update the existing object. */
  @JsonProperty("update")
  UPDATE("update");

  private final String value;

  ExistingResourcePolicy(String value) {
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
  public static ExistingResourcePolicy fromValue(String value) {
    for (ExistingResourcePolicy c : values()) {
      if (c.value.equals(value)) {
        return c;
      }
    }
    return null;
  }
}
