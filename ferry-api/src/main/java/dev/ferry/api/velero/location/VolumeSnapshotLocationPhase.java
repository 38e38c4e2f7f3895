package dev.ferry.api.velero.location;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a VolumeSnapshotLocation is usable. */
public enum VolumeSnapshotLocationPhase {
  /** The location can be used. */
  @JsonProperty("Available")
  AVAILABLE("Available"),

  /** The location cannot be used. */
  @JsonProperty("Unavailable")
  UNAVAILABLE("Unavailable");

  private final String value;

  VolumeSnapshotLocationPhase(String value) {
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
  public static VolumeSnapshotLocationPhase fromValue(String value) {
    for (VolumeSnapshotLocationPhase c : values()) {
      if (c.value.equals(value)) {
        return c;
      }
    }
    return null;
  }
}
