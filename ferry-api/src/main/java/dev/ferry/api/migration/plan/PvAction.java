package dev.ferry.api.migration.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a migration does with a persistent volume. */
public enum PvAction {
  /** Copy the data to a new volume on the destination cluster. */
  @JsonProperty("copy")
  COPY("copy"),

  /** Unmount the remote volume (NFS, ...) from the source and mount it on the destination. */
  @JsonProperty("move")
  MOVE("move"),

  /** Leave the volume out of the migration. */
  @JsonProperty("skip")
  SKIP("skip");

  private final String value;

  PvAction(String value) {
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
  public static PvAction fromValue(String value) {
    for (PvAction c : values()) {
      if (c.value.equals(value)) {
        return c;
      }
    }
    return null;
  }
}
