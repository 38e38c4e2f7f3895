package dev.ferry.api.migration.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the data of a copied persistent volume is transferred. */
public enum CopyMethod {
  /** File by file. */
  @JsonProperty("filesystem")
  FILESYSTEM("filesystem"),

  /** As a raw block device (block-mode volumes). */
  @JsonProperty("block")
  BLOCK("block"),

  /** Through a cloud-provider volume snapshot. */
  @JsonProperty("snapshot")
  SNAPSHOT("snapshot");

  private final String value;

  CopyMethod(String value) {
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
  public static CopyMethod fromValue(String value) {
    for (CopyMethod c : values()) {
      if (c.value.equals(value)) {
        return c;
      }
    }
    return null;
  }
}
