package dev.ferry.api.migration.storage;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Provider of a replication repository (MigStorage backupStorageProvider). */
public enum BackupStorageProvider {
  /** Amazon S3 or any S3-compatible object store, including the multicloud object gateway. */
  @JsonProperty("aws")
  AWS("aws"),

  /** Microsoft Azure Blob Storage. */
  @JsonProperty("azure")
  AZURE("azure"),

  /** Google Cloud Storage. */
  @JsonProperty("gcp")
  GCP("gcp"),

  /** Ferry: a local directory (the embedded default repository). */
  @JsonProperty("filesystem")
  FILESYSTEM("filesystem");

  private final String value;

  BackupStorageProvider(String value) {
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
  public static BackupStorageProvider fromValue(String value) {
    for (BackupStorageProvider c : values()) {
      if (c.value.equals(value)) {
        return c;
      }
    }
    return null;
  }
}
