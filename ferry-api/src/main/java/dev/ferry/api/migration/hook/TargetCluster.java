package dev.ferry.api.migration.hook;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Cluster on which a hook runs. */
public enum TargetCluster {
  /** The plan's source cluster. */
  @JsonProperty("source")
  SOURCE("source"),

  /** The plan's destination cluster. */
  @JsonProperty("destination")
  DESTINATION("destination");

  private final String value;

  TargetCluster(String value) {
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
  public static TargetCluster fromValue(String value) {
    for (TargetCluster c : values()) {
      if (c.value.equals(value)) {
        return c;
      }
    }
    return null;
  }
}
