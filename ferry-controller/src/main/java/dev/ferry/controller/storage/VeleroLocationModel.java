package dev.ferry.controller.storage;

import dev.ferry.api.migration.storage.BackupStorageConfig;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.api.migration.storage.MigStorageSpec;
import dev.ferry.api.migration.storage.VolumeSnapshotConfig;
import dev.ferry.api.velero.location.BackupStorageLocationSpec;
import dev.ferry.api.velero.location.ObjectStorageLocation;
import dev.ferry.api.velero.location.VolumeSnapshotLocationSpec;
import dev.ferry.objectstore.AzureCredentials;
import dev.ferry.objectstore.AzureSettings;
import dev.ferry.objectstore.GcsSettings;
import dev.ferry.objectstore.S3Settings;
import dev.ferry.objectstore.StorageLocation;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Velero's locations for a MigStorage look like, as MTC writes them: a BackupStorageLocation
 * with Velero's provider name and that provider's config keys, the credentials Secret it names
 * (key {@code cloud}, in the provider's Velero format), and a VolumeSnapshotLocation when the
 * MigStorage sets {@code volumeSnapshotProvider}. Model only: no cluster access.
 *
 * @param bsl          the BackupStorageLocation's spec
 * @param vsl          the VolumeSnapshotLocation's spec, or null when none is configured
 * @param secretData   the credentials Secret's {@code stringData}; empty when the location needs none
 */
public record VeleroLocationModel(BackupStorageLocationSpec bsl, VolumeSnapshotLocationSpec vsl,
                                  Map<String, String> secretData) {
  /** The Secret key Velero's plugins read their credentials file from. */
  public static final String CLOUD = "cloud";

  /**
   * @param secretName the name the credentials Secret (and the locations) will have
   */
  public static VeleroLocationModel of(MigStorage storage, StorageLocation location, String secretName) {
    MigStorageSpec spec = storage.getSpec();
    BackupStorageConfig config = spec.getBackupStorageConfig() == null ? new BackupStorageConfig()
        : spec.getBackupStorageConfig();
    BackupStorageLocationSpec bsl = new BackupStorageLocationSpec();
    ObjectStorageLocation objects = new ObjectStorageLocation();
    Map<String, String> cfg = new LinkedHashMap<>();
    Map<String, String> secret = new LinkedHashMap<>();
    switch (location.normalizedProvider()) {
      case StorageLocation.AWS -> {
        S3Settings s3 = location.s3();
        bsl.setProvider("aws");
        objects.setBucket(s3.bucket());
        cfg.put("region", s3.effectiveRegion());
        putIfSet(cfg, "s3Url", s3.endpoint());
        if (s3.forcePathStyle()) {
          cfg.put("s3ForcePathStyle", "true");
        }
        if (s3.insecureSkipTlsVerify()) {
          cfg.put("insecureSkipTLSVerify", "true");
        }
        putIfSet(cfg, "kmsKeyId", s3.kmsKeyId());
        putIfSet(cfg, "signatureVersion", s3.signatureVersion());
        putIfSet(cfg, "publicUrl", config.getAwsPublicUrl());
        objects.setCaCert(blankToNull(s3.caBundle()));
        secret.put(CLOUD, "[default]\naws_access_key_id=" + s3.accessKeyId() + "\naws_secret_access_key="
            + s3.secretAccessKey() + "\n");
      }
      case StorageLocation.AZURE -> {
        AzureSettings azure = location.azure();
        AzureCredentials creds = azure.credentials();
        bsl.setProvider("azure");
        objects.setBucket(azure.container());
        cfg.put("storageAccount", azure.storageAccount());
        putIfSet(cfg, "resourceGroup", azure.resourceGroup() != null ? azure.resourceGroup() : creds.resourceGroup());
        putIfSet(cfg, "subscriptionId", creds.subscriptionId());
        putIfSet(cfg, "storageAccountURI", azure.accountUri());
        if (creds.hasAccountKey()) {
          cfg.put("storageAccountKeyEnvVar", AzureCredentials.ACCESS_KEY);
        } else {
          cfg.put("useAAD", "true");
        }
        StringBuilder file = new StringBuilder();
        line(file, AzureCredentials.SUBSCRIPTION_ID, creds.subscriptionId());
        line(file, AzureCredentials.TENANT_ID, creds.tenantId());
        line(file, AzureCredentials.CLIENT_ID, creds.clientId());
        line(file, AzureCredentials.CLIENT_SECRET, creds.clientSecret());
        line(file, AzureCredentials.RESOURCE_GROUP, creds.resourceGroup());
        line(file, AzureCredentials.CLOUD_NAME, creds.cloudName());
        line(file, AzureCredentials.ACCESS_KEY, creds.accountKey());
        secret.put(CLOUD, file.toString());
      }
      case StorageLocation.GCP -> {
        GcsSettings gcs = location.gcs();
        bsl.setProvider("gcp");
        objects.setBucket(gcs.bucket());
        putIfSet(cfg, "kmsKeyName", gcs.kmsKeyName());
        // Ferry-specific: Velero's GCP plugin has no endpoint key and always talks to Google.
        if (gcs.customEndpoint()) {
          cfg.put(StorageLocationKeys.GCS_STORE_ENDPOINT, gcs.effectiveEndpoint());
        }
        if (gcs.credentials() != null) {
          secret.put(CLOUD, gcs.credentials().json());
        }
      }
      case StorageLocation.FILESYSTEM -> {
        bsl.setProvider("ferry.dev/filesystem");
        objects.setBucket("filesystem");
        cfg.put("path", location.filesystemPath());
      }
      default -> throw new IllegalArgumentException("no Velero location for provider " + location.provider());
    }
    bsl.setObjectStorage(objects);
    bsl.setConfig(cfg);
    if (!secret.isEmpty()) {
      bsl.setCredential(new SecretKeySelector(CLOUD, secretName, false));
    }
    return new VeleroLocationModel(bsl, snapshotLocation(spec, secret.isEmpty() ? null : secretName), secret);
  }

  private static VolumeSnapshotLocationSpec snapshotLocation(MigStorageSpec spec, String secretName) {
    if (spec.getVolumeSnapshotProvider() == null) {
      return null;
    }
    VolumeSnapshotConfig config = spec.getVolumeSnapshotConfig() == null ? new VolumeSnapshotConfig()
        : spec.getVolumeSnapshotConfig();
    VolumeSnapshotLocationSpec vsl = new VolumeSnapshotLocationSpec();
    String provider = spec.getVolumeSnapshotProvider().toString();
    vsl.setProvider(provider);
    Map<String, String> cfg = new LinkedHashMap<>();
    switch (provider) {
      case "aws" -> putIfSet(cfg, "region", config.getAwsRegion());
      case "azure" -> {
        putIfSet(cfg, "apiTimeout", config.getAzureApiTimeout());
        putIfSet(cfg, "resourceGroup", config.getAzureResourceGroup());
      }
      default -> {
        // gcp: Velero's snapshotLocation and project default to the service account's own
      }
    }
    vsl.setConfig(cfg);
    if (secretName != null) {
      vsl.setCredential(new SecretKeySelector(CLOUD, secretName, false));
    }
    return vsl;
  }

  private static void line(StringBuilder file, String name, String value) {
    if (value != null && !value.isBlank()) {
      file.append(name).append('=').append(value.trim()).append('\n');
    }
  }

  private static void putIfSet(Map<String, String> cfg, String key, String value) {
    if (value != null && !value.isBlank()) {
      cfg.put(key, value.trim());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** The credentials never show in logs. */
  @Override
  public String toString() {
    return "VeleroLocationModel[provider=" + bsl.getProvider() + ", vsl=" + (vsl != null) + ", secret="
        + (secretData.isEmpty() ? "none" : "<redacted>") + "]";
  }
}
