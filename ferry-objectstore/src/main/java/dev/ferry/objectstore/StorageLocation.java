package dev.ferry.objectstore;

import java.util.Locale;

/**
 * Which replication repository to open: MigStorage's backupStorageProvider with the matching part
 * of backupStorageConfig (or the equivalent fields of a Velero BackupStorageLocation).
 *
 * @param provider       {@code aws} (any S3-compatible store) or {@code filesystem}; azure and gcp are
 *                       recognised but not supported yet
 * @param filesystemPath directory of the {@code filesystem} provider
 * @param s3             bucket, endpoint and credentials of the {@code aws} provider
 */
public record StorageLocation(String provider, String filesystemPath, S3Settings s3) {
  public static final String AWS = "aws";
  public static final String FILESYSTEM = "filesystem";

  public static StorageLocation filesystem(String path) {
    return new StorageLocation(FILESYSTEM, path, null);
  }

  public static StorageLocation aws(S3Settings s3) {
    return new StorageLocation(AWS, null, s3);
  }

  /** The provider in lower case; MigStorage writes it lower case, users sometimes do not. */
  public String normalizedProvider() {
    return provider == null ? "" : provider.trim().toLowerCase(Locale.ROOT);
  }
}
