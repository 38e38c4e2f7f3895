package dev.ferry.api.velero;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happens when a backup hook command fails. */
public enum HookErrorMode {
  /** Log the error and go on with the backup. */
  @JsonProperty("Continue")
  CONTINUE("Continue"),

  /** Fail the backup of the pod's items (the backup becomes PartiallyFailed). */
  @JsonProperty("Fail")
  FAIL("Fail");

  private final String value;

  HookErrorMode(String value) {
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
  public static HookErrorMode fromValue(String value) {
    for (HookErrorMode c : values()) {
      if (c.value.equals(value)) {
        return c;
      }
    }
    return null;
  }
}
