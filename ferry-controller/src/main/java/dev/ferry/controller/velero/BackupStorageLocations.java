package dev.ferry.controller.velero;

import dev.ferry.api.velero.location.BackupStorageLocation;
import dev.ferry.api.velero.location.BackupStorageLocationSpec;
import dev.ferry.controller.storage.StorageLocationKeys;
import dev.ferry.objectstore.AwsCredentials;
import dev.ferry.objectstore.AzureCredentials;
import dev.ferry.objectstore.AzureSettings;
import dev.ferry.objectstore.GcsCredentials;
import dev.ferry.objectstore.GcsSettings;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.ObjectStoreException;
import dev.ferry.objectstore.ObjectStores;
import dev.ferry.objectstore.S3Settings;
import dev.ferry.objectstore.StorageLocation;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/**
 * Turns a Velero BackupStorageLocation into an open repository, reading its credentials from
 * the Secret it references. Providers: {@code aws} (and {@code velero.io/aws}: any S3-compatible
 * store; config keys region, s3Url, s3ForcePathStyle, insecureSkipTLSVerify, profile, kmsKeyId),
 * {@code azure} (storageAccount, storageAccountURI, storageAccountKeyEnvVar, resourceGroup; the
 * Secret holds Velero's AZURE_* variables), {@code gcp} (kmsKeyName and Ferry's storeEndpoint; the
 * Secret holds a service-account key) and Ferry's {@code filesystem} (config key {@code path},
 * else the bucket is the directory).
 */
public final class BackupStorageLocations implements StorageResolver {
  private final KubernetesClient client;

  public BackupStorageLocations(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public ObjectStore open(String namespace, String locationName) {
    return open(find(namespace, locationName));
  }

  public BackupStorageLocation find(String namespace, String locationName) {
    var locations = client.resources(BackupStorageLocation.class).inNamespace(namespace);
    if (locationName == null || locationName.isBlank()) {
      List<BackupStorageLocation> defaults = locations.list().getItems().stream()
          .filter(l -> l.getSpec() != null && Boolean.TRUE.equals(l.getSpec().getDefaultLocation())).toList();
      if (defaults.isEmpty()) {
        throw new ObjectStoreException("no default BackupStorageLocation in namespace " + namespace
            + "; set spec.storageLocation or mark a location with spec.default: true");
      }
      return defaults.get(0);
    }
    BackupStorageLocation location = locations.withName(locationName).get();
    if (location == null) {
      throw new ObjectStoreException("BackupStorageLocation " + namespace + "/" + locationName
          + " does not exist; create it or fix spec.storageLocation");
    }
    return location;
  }

  public ObjectStore open(BackupStorageLocation location) {
    return ObjectStores.open(storageLocation(location));
  }

  StorageLocation storageLocation(BackupStorageLocation location) {
    BackupStorageLocationSpec spec = location.getSpec();
    String name = location.getMetadata().getNamespace() + "/" + location.getMetadata().getName();
    if (spec == null || spec.getProvider() == null) {
      throw new ObjectStoreException("BackupStorageLocation " + name + " has no spec.provider");
    }
    Map<String, String> config = spec.getConfig() == null ? Map.of() : spec.getConfig();
    String provider = spec.getProvider().replaceFirst("^velero\\.io/", "").replaceFirst("^ferry\\.dev/", "");
    String bucket = spec.getObjectStorage() == null ? null : spec.getObjectStorage().getBucket();
    if (StorageLocation.FILESYSTEM.equals(provider)) {
      String path = config.getOrDefault("path", bucket);
      if (path == null || path.isBlank()) {
        throw new ObjectStoreException("BackupStorageLocation " + name
            + " (filesystem) needs config.path: the directory of the repository");
      }
      return StorageLocation.filesystem(path);
    }
    String prefix = spec.getObjectStorage() == null ? null : spec.getObjectStorage().getPrefix();
    if (StorageLocation.AZURE.equals(provider)) {
      AzureCredentials creds = AzureCredentials.fromSecretData(credentialName(location),
          credentialData(location, name), config.get("storageAccountKeyEnvVar"));
      return StorageLocation.azure(new AzureSettings(config.get("storageAccount"), bucket, prefix,
          config.get("storageAccountURI"), config.get("resourceGroup"), creds).validate());
    }
    if (StorageLocation.GCP.equals(provider)) {
      String endpoint = config.get(StorageLocationKeys.GCS_STORE_ENDPOINT);
      boolean anonymous = spec.getCredential() == null && endpoint != null && !endpoint.isBlank();
      GcsCredentials creds = anonymous ? null : GcsCredentials.fromSecretData(credentialName(location),
          credentialData(location, name), spec.getCredential() == null ? null : spec.getCredential().getKey());
      return StorageLocation.gcp(new GcsSettings(bucket, prefix, endpoint, creds, config.get("kmsKeyName"))
          .validate());
    }
    if (!StorageLocation.AWS.equals(provider)) {
      throw new ObjectStoreException("BackupStorageLocation " + name + ": provider " + spec.getProvider()
          + " is not supported by Ferry's repository; use aws (any S3-compatible store), azure, gcp or filesystem");
    }
    S3Settings.Builder s3 = S3Settings.builder()
        .bucket(bucket)
        .prefix(spec.getObjectStorage() == null ? null : spec.getObjectStorage().getPrefix())
        .region(config.get("region"))
        .endpoint(config.get("s3Url"))
        .forcePathStyle(Boolean.parseBoolean(config.getOrDefault("s3ForcePathStyle", "false")))
        .insecureSkipTlsVerify(Boolean.parseBoolean(config.getOrDefault("insecureSkipTLSVerify", "false")))
        .caBundle(spec.getObjectStorage() == null ? null : spec.getObjectStorage().getCaCert())
        .kmsKeyId(config.get("kmsKeyId"));
    if (spec.getCredential() != null && spec.getCredential().getName() != null) {
      Secret secret = client.secrets().inNamespace(location.getMetadata().getNamespace())
          .withName(spec.getCredential().getName()).get();
      if (secret == null) {
        throw new ObjectStoreException("Secret " + location.getMetadata().getNamespace() + "/"
            + spec.getCredential().getName() + " named by BackupStorageLocation " + name + " does not exist");
      }
      Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
      String key = spec.getCredential().getKey();
      Map<String, String> selected = key == null || !data.containsKey(key) ? data
          : Map.of(AwsCredentials.CLOUD, data.get(key));
      s3.credentials(AwsCredentials.fromSecretData(secret.getMetadata().getName(), selected));
    }
    return StorageLocation.aws(s3.build());
  }

  private static String credentialName(BackupStorageLocation location) {
    BackupStorageLocationSpec spec = location.getSpec();
    return location.getMetadata().getNamespace() + "/" + (spec.getCredential() == null ? "(none)"
        : spec.getCredential().getName());
  }

  /** The data of the Secret spec.credential names; Velero's plugins read its key as the credentials file. */
  private Map<String, String> credentialData(BackupStorageLocation location, String name) {
    BackupStorageLocationSpec spec = location.getSpec();
    if (spec.getCredential() == null || spec.getCredential().getName() == null) {
      throw new ObjectStoreException("BackupStorageLocation " + name + " has no spec.credential: name the Secret "
          + "(and its key, usually cloud) that holds the credentials file");
    }
    Secret secret = client.secrets().inNamespace(location.getMetadata().getNamespace())
        .withName(spec.getCredential().getName()).get();
    if (secret == null) {
      throw new ObjectStoreException("Secret " + credentialName(location) + " named by BackupStorageLocation " + name
          + " does not exist");
    }
    Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
    String key = spec.getCredential().getKey();
    return key == null || !data.containsKey(key) ? data : Map.of(AwsCredentials.CLOUD, data.get(key));
  }
}
