package dev.ferry.api.velero.location;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a BackupStorageLocation may be used. */
public enum BackupStorageLocationAccessMode {
  /** Backups are written to and read from the location. */
  @JsonProperty("ReadWrite")
  READ_WRITE("ReadWrite"),

  /** Backups are only read (e.g. for restores or to sync them into the cluster). */
  @JsonProperty("ReadOnly")
  READ_ONLY("ReadOnly");

  private final String value;

  BackupStorageLocationAccessMode(String value) {
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
  public static BackupStorageLocationAccessMode fromValue(String value) {
    for (BackupStorageLocationAccessMode c : values()) {
      if (c.value.equals(value)) {
        return c;
      }
    }
    return null;
  }
}
