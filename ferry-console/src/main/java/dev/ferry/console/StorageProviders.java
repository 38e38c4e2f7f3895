package dev.ferry.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The replication repository providers the console offers, as data: each provider's
 * {@code backupStorageConfig} fields and the keys of its credentials Secret. The add-repository
 * form is drawn from this list ({@code GET /api/providers}), so a new provider is one entry here.
 */
final class StorageProviders {
  enum Type { TEXT, BOOLEAN, PEM, SECRET }

  /** One form field; {@code key} is the backupStorageConfig field, or the Secret's key for credentials. */
  record Field(String key, String label, Type type, boolean required, String help) {
    /** The value to store: booleans as booleans, PEM bundles base64-encoded as the CRD wants; null when empty. */
    Object convert(JsonNode value) {
      if (value == null || value.isNull()) {
        return null;
      }
      if (type == Type.BOOLEAN) {
        return value.asBoolean() ? Boolean.TRUE : null;
      }
      String text = value.asText().strip();
      if (text.isEmpty()) {
        return null;
      }
      if (type == Type.PEM) {
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
          throw ApiError.badRequest(label + " is not a PEM certificate bundle (-----BEGIN CERTIFICATE----- …)");
        }
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
      }
      return text;
    }
  }

  record Provider(String id, String label, List<Field> config, List<Field> credentials) {
  }

  static final List<Provider> ALL = List.of(
      new Provider("aws", "S3 (AWS S3, MCG, MinIO or another S3-compatible store)", List.of(
          new Field("awsBucketName", "Bucket name", Type.TEXT, true, "The bucket that holds the repository."),
          new Field("awsRegion", "Region", Type.TEXT, false, "e.g. us-east-1; any value for most S3-compatible stores."),
          new Field("awsS3Url", "S3 endpoint", Type.TEXT, false,
              "URL of an S3-compatible endpoint; empty for AWS itself."),
          new Field("awsS3ForcePathStyle", "Path-style addressing", Type.BOOLEAN, false,
              "Address buckets by path (most S3-compatible stores need it)."),
          new Field("s3CustomCABundle", "CA bundle", Type.PEM, false, "PEM certificates that verify the endpoint."),
          new Field("insecure", "Skip TLS verification", Type.BOOLEAN, false,
              "Do not verify the endpoint's certificate (not recommended).")),
          List.of(new Field("aws-access-key-id", "Access key", Type.SECRET, true, null),
              new Field("aws-secret-access-key", "Secret key", Type.SECRET, true, null))),
      new Provider("azure", "Microsoft Azure Blob Storage", List.of(
          new Field("azureStorageAccount", "Storage account", Type.TEXT, true, "Name of the storage account."),
          new Field("azureStorageContainer", "Blob container", Type.TEXT, true,
              "An existing container that holds the repository."),
          new Field("azureResourceGroup", "Resource group", Type.TEXT, false, "Resource group of the storage account."),
          new Field("azureStorageAccountURI", "Blob endpoint", Type.TEXT, false,
              "The account's blob endpoint when it is not https://<account>.blob.core.windows.net (e.g. Azurite).")),
          List.of(new Field("AZURE_STORAGE_ACCOUNT_ACCESS_KEY", "Storage account key", Type.SECRET, true, null))),
      new Provider("gcp", "Google Cloud Storage", List.of(
          new Field("gcpBucket", "Bucket name", Type.TEXT, true, "The bucket that holds the repository."),
          new Field("gcpStoreEndpoint", "Storage endpoint", Type.TEXT, false,
              "Only for a GCS-compatible server other than Google's (Ferry's own setting).")),
          List.of(new Field("cloud", "Service-account key (JSON)", Type.SECRET, true, null))),
      new Provider("filesystem", "Local filesystem (Ferry)", List.of(
          new Field("filesystemPath", "Directory", Type.TEXT, true,
              "Absolute path of a directory the controller can read and write.")),
          List.of()));

  private StorageProviders() {
  }

  static Provider find(String id) {
    return ALL.stream().filter(p -> p.id().equals(id)).findFirst()
        .orElseThrow(() -> ApiError.badRequest("storage provider " + id + " is not one of " + ids()));
  }

  static List<String> ids() {
    return ALL.stream().map(Provider::id).toList();
  }
}
