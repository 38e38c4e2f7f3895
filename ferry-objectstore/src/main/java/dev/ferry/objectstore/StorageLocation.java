package dev.ferry.objectstore;

import java.util.Locale;

/**
 * Which replication repository to open: MigStorage's backupStorageProvider with the matching part
 * of backupStorageConfig (or the equivalent fields of a Velero BackupStorageLocation).
 *
 * @param provider       {@code aws} (any S3-compatible store), {@code azure}, {@code gcp} or {@code filesystem}
 * @param filesystemPath directory of the {@code filesystem} provider
 * @param s3             bucket, endpoint and credentials of the {@code aws} provider
 * @param azure          account, container and credentials of the {@code azure} provider
 * @param gcs            bucket, endpoint and credentials of the {@code gcp} provider
 */
public record StorageLocation(String provider, String filesystemPath, S3Settings s3, AzureSettings azure,
                              GcsSettings gcs) {
  public static final String AWS = "aws";
  public static final String AZURE = "azure";
  public static final String GCP = "gcp";
  public static final String FILESYSTEM = "filesystem";

  public StorageLocation(String provider, String filesystemPath, S3Settings s3) {
    this(provider, filesystemPath, s3, null, null);
  }

  public static StorageLocation filesystem(String path) {
    return new StorageLocation(FILESYSTEM, path, null);
  }

  public static StorageLocation aws(S3Settings s3) {
    return new StorageLocation(AWS, null, s3);
  }

  public static StorageLocation azure(AzureSettings azure) {
    return new StorageLocation(AZURE, null, null, azure, null);
  }

  public static StorageLocation gcp(GcsSettings gcs) {
    return new StorageLocation(GCP, null, null, null, gcs);
  }

  /** The provider in lower case; MigStorage writes it lower case, users sometimes do not. */
  public String normalizedProvider() {
    return provider == null ? "" : provider.trim().toLowerCase(Locale.ROOT);
  }
}
