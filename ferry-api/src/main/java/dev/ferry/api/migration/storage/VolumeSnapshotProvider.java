package dev.ferry.api.migration.storage;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Provider of volume snapshots (MigStorage volumeSnapshotProvider). */
public enum VolumeSnapshotProvider {
  /** Amazon EBS snapshots. */
  @JsonProperty("aws")
  AWS("aws"),

  /** Microsoft Azure managed-disk snapshots. */
  @JsonProperty("azure")
  AZURE("azure"),

  /** Google Compute Engine persistent-disk snapshots. */
  @JsonProperty("gcp")
  GCP("gcp");

  private final String value;

  VolumeSnapshotProvider(String value) {
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
  public static VolumeSnapshotProvider fromValue(String value) {
    for (VolumeSnapshotProvider c : values()) {
      if (c.value.equals(value)) {
        return c;
      }
    }
    return null;
  }
}
