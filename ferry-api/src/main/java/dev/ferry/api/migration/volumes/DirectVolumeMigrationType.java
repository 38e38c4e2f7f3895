package dev.ferry.api.migration.volumes;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kind of direct volume migration. */
public enum DirectVolumeMigrationType {
  /** An incremental copy while the source applications keep running. */
  @JsonProperty("Stage")
  STAGE("Stage"),

  /** The final copy of a cutover migration. */
  @JsonProperty("CutOver")
  CUT_OVER("CutOver"),

  /** A copy back as part of a rollback. */
  @JsonProperty("Rollback")
  ROLLBACK("Rollback");

  private final String value;

  DirectVolumeMigrationType(String value) {
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
  public static DirectVolumeMigrationType fromValue(String value) {
    for (DirectVolumeMigrationType c : values()) {
      if (c.value.equals(value)) {
        return c;
      }
    }
    return null;
  }
}
