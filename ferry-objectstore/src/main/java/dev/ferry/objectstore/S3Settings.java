package dev.ferry.objectstore;

/**
 * Where and how to reach an S3 (or S3-compatible) bucket: MigStorage's backupStorageConfig, or a
 * Velero BackupStorageLocation, plus the credentials read from the referenced Secret.
 *
 * @param bucket                bucket name (awsBucketName)
 * @param prefix                folder inside the bucket that holds the repository; null or "" for the bucket root
 * @param region                region (awsRegion); null means us-east-1, which S3-compatible stores accept
 * @param endpoint              S3 endpoint URL (awsS3Url) for S3-compatible stores; null for AWS itself
 * @param forcePathStyle        address buckets as {@code host/bucket} rather than {@code bucket.host}
 * @param accessKeyId           never printed
 * @param secretAccessKey       never printed
 * @param caBundle              extra CA certificates (PEM, or base64 of PEM as in s3CustomCABundle), trusted in
 *                              addition to the JDK's; null for none
 * @param insecureSkipTlsVerify accept any TLS certificate (insecure); for test installations only
 * @param kmsKeyId              AWS KMS key for server-side encryption (awsKmsKeyId); null for the bucket's default
 * @param signatureVersion      awsSignatureVersion; only 4 (or empty) is supported
 */
public record S3Settings(
    String bucket,
    String prefix,
    String region,
    String endpoint,
    boolean forcePathStyle,
    String accessKeyId,
    String secretAccessKey,
    String caBundle,
    boolean insecureSkipTlsVerify,
    String kmsKeyId,
    String signatureVersion) {

  public static final String DEFAULT_REGION = "us-east-1";

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to change one or two. */
  public Builder toBuilder() {
    return new Builder().bucket(bucket).prefix(prefix).region(region).endpoint(endpoint).forcePathStyle(forcePathStyle)
        .credentials(accessKeyId, secretAccessKey).caBundle(caBundle).insecureSkipTlsVerify(insecureSkipTlsVerify)
        .kmsKeyId(kmsKeyId).signatureVersion(signatureVersion);
  }

  /** The region to sign for. */
  public String effectiveRegion() {
    return region == null || region.isBlank() ? DEFAULT_REGION : region.trim();
  }

  /** The prefix as stored before every key: "" or "a/b/". */
  public String normalizedPrefix() {
    return KeyPrefix.normalize(prefix);
  }

  /** The secrets are left out on purpose: this string ends up in logs and conditions. */
  @Override
  public String toString() {
    return "S3Settings[bucket=" + bucket + ", prefix=" + prefix + ", region=" + region + ", endpoint=" + endpoint
        + ", forcePathStyle=" + forcePathStyle + ", accessKeyId=" + (accessKeyId == null ? "none" : "<redacted>")
        + ", secretAccessKey=" + (secretAccessKey == null ? "none" : "<redacted>")
        + ", caBundle=" + (caBundle == null || caBundle.isBlank() ? "none" : "set")
        + ", insecureSkipTlsVerify=" + insecureSkipTlsVerify + ", kmsKeyId=" + kmsKeyId
        + ", signatureVersion=" + signatureVersion + "]";
  }

  /** Builds {@link S3Settings}; every field is optional except the bucket and the credentials. */
  public static final class Builder {
    private String bucket;
    private String prefix;
    private String region;
    private String endpoint;
    private boolean forcePathStyle;
    private String accessKeyId;
    private String secretAccessKey;
    private String caBundle;
    private boolean insecureSkipTlsVerify;
    private String kmsKeyId;
    private String signatureVersion;

    private Builder() {
    }

    public Builder bucket(String bucket) {
      this.bucket = bucket;
      return this;
    }

    public Builder prefix(String prefix) {
      this.prefix = prefix;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder endpoint(String endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    public Builder forcePathStyle(boolean forcePathStyle) {
      this.forcePathStyle = forcePathStyle;
      return this;
    }

    public Builder credentials(String accessKeyId, String secretAccessKey) {
      this.accessKeyId = accessKeyId;
      this.secretAccessKey = secretAccessKey;
      return this;
    }

    public Builder credentials(AwsCredentials credentials) {
      return credentials(credentials.accessKeyId(), credentials.secretAccessKey());
    }

    public Builder caBundle(String caBundle) {
      this.caBundle = caBundle;
      return this;
    }

    public Builder insecureSkipTlsVerify(boolean insecureSkipTlsVerify) {
      this.insecureSkipTlsVerify = insecureSkipTlsVerify;
      return this;
    }

    public Builder kmsKeyId(String kmsKeyId) {
      this.kmsKeyId = kmsKeyId;
      return this;
    }

    public Builder signatureVersion(String signatureVersion) {
      this.signatureVersion = signatureVersion;
      return this;
    }

    public S3Settings build() {
      return new S3Settings(bucket, prefix, region, endpoint, forcePathStyle, accessKeyId, secretAccessKey, caBundle,
          insecureSkipTlsVerify, kmsKeyId, signatureVersion);
    }
  }
}
