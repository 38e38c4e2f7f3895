package dev.ferry.objectstore;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Where and how to reach a Google Cloud Storage bucket: MigStorage's gcpBucket, or a Velero
 * BackupStorageLocation's bucket and {@code kmsKeyName} config, plus the service-account key read
 * from the referenced Secret.
 *
 * @param bucket          the bucket (gcpBucket / objectStorage.bucket); must exist
 * @param prefix          folder inside the bucket; null or "" for the bucket root
 * @param endpoint        Ferry-specific: the JSON API endpoint, for a private endpoint or an emulator such as
 *                        fake-gcs-server; null for {@code https://storage.googleapis.com}
 * @param credentials     the service-account key; may be null only with an {@code endpoint}, for emulators
 *                        that take unauthenticated requests
 * @param kmsKeyName      Cloud KMS key new objects are encrypted with (config.kmsKeyName); null for the
 *                        bucket's default
 */
public record GcsSettings(String bucket, String prefix, String endpoint, GcsCredentials credentials,
                          String kmsKeyName) {
  public static final String DEFAULT_ENDPOINT = "https://storage.googleapis.com";
  // Google's rules for bucket names without dots (dotted names are domain-verified; allowed too).
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]");

  public String normalizedPrefix() {
    return KeyPrefix.normalize(prefix);
  }

  public String effectiveEndpoint() {
    if (endpoint == null || endpoint.isBlank()) {
      return DEFAULT_ENDPOINT;
    }
    String e = endpoint.trim();
    return e.endsWith("/") ? e.substring(0, e.length() - 1) : e;
  }

  public boolean customEndpoint() {
    return endpoint != null && !endpoint.isBlank();
  }

  /** Checks the bucket, endpoint and credentials before any request; messages name the field to fix. */
  public GcsSettings validate() {
    if (bucket == null || !BUCKET.matcher(bucket.trim()).matches()) {
      throw new ObjectStoreException("GCS bucket " + (bucket == null ? "(not set)" : "'" + bucket.trim() + "'")
          + " is not valid: set gcpBucket to an existing bucket, 3 to 63 lower-case letters, digits, hyphens, "
          + "underscores or dots", null, ObjectStoreException.Failure.MISSING_BUCKET);
    }
    if (customEndpoint()) {
      URI uri;
      try {
        uri = URI.create(endpoint.trim());
      } catch (IllegalArgumentException e) {
        throw new ObjectStoreException("GCS endpoint " + endpoint.trim() + " is not a URL: " + e.getMessage());
      }
      if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
        throw new ObjectStoreException("GCS endpoint " + endpoint.trim() + " must be an http:// or https:// URL, "
            + "e.g. " + DEFAULT_ENDPOINT);
      }
      if (uri.getUserInfo() != null) {
        throw new ObjectStoreException("the GCS endpoint must not carry credentials; put them in the Secret");
      }
    } else if (credentials == null) {
      throw new ObjectStoreException("GCS bucket " + bucket.trim() + " needs credentials: a Secret whose key "
          + GcsCredentials.CLOUD + " holds a service-account key (JSON)", null, ObjectStoreException.Failure.CREDENTIALS);
    }
    return this;
  }

  @Override
  public String toString() {
    return "GcsSettings[bucket=" + bucket + ", prefix=" + prefix + ", endpoint=" + endpoint + ", credentials="
        + (credentials == null ? "none" : credentials.toString()) + ", kmsKeyName=" + kmsKeyName + "]";
  }
}
