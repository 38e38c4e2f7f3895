package dev.ferry.objectstore;

import java.util.Map;

/**
 * An access key pair read from the Secret that MigStorage's credsSecretRef (or a
 * BackupStorageLocation's credential) names. MTC writes {@code aws-access-key-id} and
 * {@code aws-secret-access-key}; Velero's own Secrets hold an AWS credentials file under
 * {@code cloud}. Both are accepted so either kind of Secret works.
 */
public record AwsCredentials(String accessKeyId, String secretAccessKey) {
  public static final String ACCESS_KEY_ID = "aws-access-key-id";
  public static final String SECRET_ACCESS_KEY = "aws-secret-access-key";
  public static final String CLOUD = "cloud";

  public AwsCredentials {
    if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
      throw new ObjectStoreException("the storage credentials need both an access key id and a secret access key");
    }
  }

  /**
   * From a Secret's {@code data} as the API returns it (base64 values); {@code secretName} only
   * goes into error messages.
   */
  public static AwsCredentials fromSecretData(String secretName, Map<String, String> base64Data) {
    Map<String, String> decoded = SecretData.decode(secretName, base64Data);
    return fromDecoded(secretName, decoded, null);
  }

  /**
   * From already decoded values (a Secret's {@code stringData}, or {@code data} after decoding).
   * {@code profile} picks the section of a {@code cloud} credentials file; null means "default".
   */
  public static AwsCredentials fromDecoded(String secretName, Map<String, String> data, String profile) {
    Map<String, String> values = data == null ? Map.of() : data;
    String id = trimmed(values.get(ACCESS_KEY_ID));
    String secret = trimmed(values.get(SECRET_ACCESS_KEY));
    if (id != null && secret != null) {
      return new AwsCredentials(id, secret);
    }
    String cloud = values.get(CLOUD);
    if (cloud != null && !cloud.isBlank()) {
      return AwsCredentialsFile.parse(cloud).credentials(profile, "Secret " + secretName + " key " + CLOUD);
    }
    throw new ObjectStoreException("Secret " + secretName + " holds no storage credentials: it needs the keys "
        + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY + " (or " + CLOUD + " with an AWS credentials file); "
        + "it has " + (values.isEmpty() ? "no keys" : "only " + String.join(", ", values.keySet())));
  }

  private static String trimmed(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  @Override
  public String toString() {
    return "AwsCredentials[<redacted>]";
  }
}
