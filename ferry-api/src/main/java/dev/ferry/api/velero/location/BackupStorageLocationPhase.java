package dev.ferry.api.velero.location;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a BackupStorageLocation is usable. */
public enum BackupStorageLocationPhase {
  /** The location was validated and can be used. */
  @JsonProperty("Available")
  AVAILABLE("Available"),

  /** The location could not be reached or validated. */
  @JsonProperty("Unavailable")
  UNAVAILABLE("Unavailable");

  private final String value;

  BackupStorageLocationPhase(String value) {
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
  public static BackupStorageLocationPhase fromValue(String value) {
    for (BackupStorageLocationPhase c : values()) {
      if (c.value.equals(value)) {
        return c;
      }
    }
    return null;
  }
}
