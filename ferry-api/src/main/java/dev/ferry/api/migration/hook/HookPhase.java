package dev.ferry.api.migration.hook;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Migration phase in which a hook runs. */
public enum HookPhase {
  /** Before the resources are backed up on the source cluster. */
  @JsonProperty("PreBackup")
  PRE_BACKUP("PreBackup"),

  /** After the backup on the source cluster. */
  @JsonProperty("PostBackup")
  POST_BACKUP("PostBackup"),

  /** Before the resources are restored on the destination cluster. */
  @JsonProperty("PreRestore")
  PRE_RESTORE("PreRestore"),

  /** After the restore on the destination cluster. */
  @JsonProperty("PostRestore")
  POST_RESTORE("PostRestore");

  private final String value;

  HookPhase(String value) {
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
  public static HookPhase fromValue(String value) {
    for (HookPhase c : values()) {
      if (c.value.equals(value)) {
        return c;
      }
    }
    return null;
  }
}
