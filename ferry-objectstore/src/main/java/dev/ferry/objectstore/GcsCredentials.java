package dev.ferry.objectstore;

import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A Google service-account key (the JSON file {@code gcloud iam service-accounts keys create}
 * writes), read from the Secret a MigStorage's credsSecretRef or a BackupStorageLocation's
 * credential names: under {@code cloud} (Velero's key) or {@code gcp-credentials} (MTC's).
 * Parsed when read, so a broken key is reported before any request. Never printed.
 */
public final class GcsCredentials {
  public static final String CLOUD = "cloud";
  public static final String MTC_KEY = "gcp-credentials";

  private final ServiceAccountCredentials credentials;
  private final String json;

  private GcsCredentials(ServiceAccountCredentials credentials, String json) {
    this.credentials = credentials;
    this.json = json;
  }

  public static GcsCredentials fromSecretData(String secretName, Map<String, String> base64Data, String key) {
    return fromDecoded(secretName, SecretData.decode(secretName, base64Data), key);
  }

  /** {@code key} is the Secret key a BackupStorageLocation's credential names, or null for the usual ones. */
  public static GcsCredentials fromDecoded(String secretName, Map<String, String> data, String key) {
    Map<String, String> values = data == null ? Map.of() : data;
    String json = key != null && !key.isBlank() ? values.get(key.trim())
        : values.get(CLOUD) != null ? values.get(CLOUD) : values.get(MTC_KEY);
    String where = "Secret " + secretName + " key " + (key != null && !key.isBlank() ? key.trim()
        : values.get(CLOUD) != null ? CLOUD : MTC_KEY);
    if (json == null || json.isBlank()) {
      throw new ObjectStoreException("Secret " + secretName + " holds no GCP credentials: put a service-account key "
          + "(JSON) under the key " + CLOUD + "; it has " + (values.isEmpty() ? "no keys"
          : "only " + String.join(", ", values.keySet())));
    }
    return parse(json, where);
  }

  static GcsCredentials parse(String json, String where) {
    if (!json.strip().startsWith("{")) {
      throw new ObjectStoreException(where + " is not a service-account key: it must be the JSON key file of a "
          + "service account (\"type\": \"service_account\")");
    }
    try {
      ServiceAccountCredentials creds = ServiceAccountCredentials.fromStream(
          new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
      return new GcsCredentials(creds, json);
    } catch (IOException | RuntimeException e) {
      // The library's messages name fields, never their values; the key itself is not repeated here.
      throw new ObjectStoreException(where + " is not a usable service-account key: " + e.getMessage()
          + "; create a new key for the service account and store its JSON file under that key", null,
          ObjectStoreException.Failure.CREDENTIALS);
    }
  }

  ServiceAccountCredentials serviceAccount() {
    return credentials;
  }

  /** The key file as given, to hand on to Velero's locations; never log it. */
  public String json() {
    return json;
  }

  public String clientEmail() {
    return credentials.getClientEmail();
  }

  public String projectId() {
    return credentials.getProjectId();
  }

  @Override
  public String toString() {
    return "GcsCredentials[" + credentials.getClientEmail() + ", <redacted>]";
  }
}
