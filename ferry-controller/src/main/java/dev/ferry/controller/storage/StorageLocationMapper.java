package dev.ferry.controller.storage;

import static dev.ferry.controller.storage.MigStorageConditions.INVALID_BUCKET_NAME;
import static dev.ferry.controller.storage.MigStorageConditions.INVALID_CREDS_SECRET_REF;
import static dev.ferry.controller.storage.MigStorageConditions.INVALID_STORAGE_PROVIDER;
import static dev.ferry.controller.storage.MigStorageConditions.INVALID_STORAGE_SETTINGS;

import dev.ferry.api.migration.storage.BackupStorageConfig;
import dev.ferry.api.migration.storage.BackupStorageProvider;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.api.migration.storage.MigStorageSpec;
import dev.ferry.objectstore.AwsCredentials;
import dev.ferry.objectstore.AzureCredentials;
import dev.ferry.objectstore.AzureSettings;
import dev.ferry.objectstore.CaBundle;
import dev.ferry.objectstore.GcsCredentials;
import dev.ferry.objectstore.GcsSettings;
import dev.ferry.objectstore.ObjectStoreException;
import dev.ferry.objectstore.S3Settings;
import dev.ferry.objectstore.StorageLocation;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What a MigStorage's spec means as a {@link StorageLocation}: pure, apart from the Secret lookup
 * it is given. Every problem is an {@link InvalidMigStorageException} naming the field to fix.
 */
public final class StorageLocationMapper {
  /** Reads a Secret; returns null when it does not exist. */
  @FunctionalInterface
  public interface SecretLookup {
    Secret get(String namespace, String name);
  }

  // S3's rules, relaxed to upper case and underscores, which some S3-compatible stores accept.
  private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,61}[A-Za-z0-9]");

  private final SecretLookup secrets;

  public StorageLocationMapper(SecretLookup secrets) {
    this.secrets = secrets;
  }

  public StorageLocation map(MigStorage storage) {
    String name = storage.getMetadata().getNamespace() + "/" + storage.getMetadata().getName();
    MigStorageSpec spec = storage.getSpec();
    BackupStorageProvider provider = spec == null ? null : spec.getBackupStorageProvider();
    BackupStorageConfig config = spec == null || spec.getBackupStorageConfig() == null ? new BackupStorageConfig()
        : spec.getBackupStorageConfig();
    if (provider == null) {
      throw new InvalidMigStorageException(INVALID_STORAGE_PROVIDER, "NotSet", "MigStorage " + name
          + " has no spec.backupStorageProvider: set it to aws (any S3-compatible store) or filesystem");
    }
    return switch (provider) {
      case FILESYSTEM -> filesystem(name, config);
      case AWS -> aws(storage, name, config);
      case AZURE -> azure(storage, name, config);
      case GCP -> gcp(storage, name, config);
    };
  }

  private static StorageLocation filesystem(String name, BackupStorageConfig config) {
    String path = config.getFilesystemPath();
    if (path == null || path.isBlank()) {
      throw new InvalidMigStorageException(INVALID_BUCKET_NAME, "NotSet", "MigStorage " + name
          + " uses the filesystem provider but has no backupStorageConfig.filesystemPath: set it to the directory "
          + "that holds the repository");
    }
    if (!Path.of(path.trim()).isAbsolute()) {
      throw new InvalidMigStorageException(INVALID_BUCKET_NAME, "NotAbsolute", "MigStorage " + name
          + ": backupStorageConfig.filesystemPath " + path.trim() + " is not an absolute path; give the full path "
          + "of the repository directory");
    }
    return StorageLocation.filesystem(path.trim());
  }

  private StorageLocation aws(MigStorage storage, String name, BackupStorageConfig config) {
    String bucket = config.getAwsBucketName() == null ? null : config.getAwsBucketName().trim();
    if (bucket == null || bucket.isEmpty()) {
      throw new InvalidMigStorageException(INVALID_BUCKET_NAME, "NotSet", "MigStorage " + name
          + " has no backupStorageConfig.awsBucketName: set it to the name of an existing bucket");
    }
    if (!BUCKET.matcher(bucket).matches()) {
      throw new InvalidMigStorageException(INVALID_BUCKET_NAME, "NotValid", "MigStorage " + name + ": bucket name "
          + bucket + " is not valid: use 3 to 63 letters, digits, dots or hyphens, starting and ending with a "
          + "letter or digit");
    }
    String caBundle = config.getS3CustomCABundle();
    boolean insecure = Boolean.TRUE.equals(config.getInsecure());
    if (caBundle != null && !caBundle.isBlank() && !insecure) {
      try {
        CaBundle.parse(caBundle);
      } catch (ObjectStoreException e) {
        throw new InvalidMigStorageException(INVALID_STORAGE_SETTINGS, "NotValid", "MigStorage " + name
            + ": backupStorageConfig.s3CustomCABundle is unusable: " + e.getMessage());
      }
    }
    return StorageLocation.aws(S3Settings.builder()
        .bucket(bucket)
        .region(blankToNull(config.getAwsRegion()))
        .endpoint(blankToNull(config.getAwsS3Url()))
        .forcePathStyle(Boolean.TRUE.equals(config.getAwsS3ForcePathStyle()))
        .caBundle(insecure ? null : blankToNull(caBundle))
        .insecureSkipTlsVerify(insecure)
        .kmsKeyId(blankToNull(config.getAwsKmsKeyId()))
        .signatureVersion(blankToNull(text(config.getAwsSignatureVersion())))
        .credentials(credentials(storage, name, config.getCredsSecretRef()))
        .build());
  }

  private AwsCredentials credentials(MigStorage storage, String name, ObjectReference ref) {
    String keys = "the keys " + AwsCredentials.ACCESS_KEY_ID + " and " + AwsCredentials.SECRET_ACCESS_KEY;
    Secret secret = secret(storage, name, ref, keys, true);
    try {
      return AwsCredentials.fromSecretData(secretName(storage, ref), secret.getData());
    } catch (ObjectStoreException e) {
      // The message lists key names only, never values.
      throw new InvalidMigStorageException(INVALID_CREDS_SECRET_REF, "KeyError", e.getMessage());
    }
  }

  private StorageLocation azure(MigStorage storage, String name, BackupStorageConfig config) {
    String account = blankToNull(config.getAzureStorageAccount());
    String container = blankToNull(config.getAzureStorageContainer());
    if (account == null) {
      throw new InvalidMigStorageException(INVALID_BUCKET_NAME, "NotSet", "MigStorage " + name
          + " has no backupStorageConfig.azureStorageAccount: set it to the name of the storage account");
    }
    if (container == null) {
      throw new InvalidMigStorageException(INVALID_BUCKET_NAME, "NotSet", "MigStorage " + name
          + " has no backupStorageConfig.azureStorageContainer: set it to an existing blob container");
    }
    String keys = "a credentials file under the key " + AzureCredentials.CLOUD + " with "
        + AzureCredentials.ACCESS_KEY + "=<storage account key>";
    Secret secret = secret(storage, name, config.getCredsSecretRef(), keys, true);
    AzureCredentials creds;
    try {
      creds = AzureCredentials.fromSecretData(secretName(storage, config.getCredsSecretRef()), secret.getData(), null);
    } catch (ObjectStoreException e) {
      throw new InvalidMigStorageException(INVALID_CREDS_SECRET_REF, "KeyError", e.getMessage());
    }
    AzureSettings settings = new AzureSettings(account, container, null,
        blankToNull(config.getAzureStorageAccountURI()), blankToNull(config.getAzureResourceGroup()), creds);
    try {
      settings.validate();
    } catch (ObjectStoreException e) {
      throw invalid(name, e);
    }
    return StorageLocation.azure(settings);
  }

  private StorageLocation gcp(MigStorage storage, String name, BackupStorageConfig config) {
    String bucket = blankToNull(config.getGcpBucket());
    if (bucket == null) {
      throw new InvalidMigStorageException(INVALID_BUCKET_NAME, "NotSet", "MigStorage " + name
          + " has no backupStorageConfig.gcpBucket: set it to the name of an existing bucket");
    }
    String endpoint = blankToNull(config.getGcpStoreEndpoint());
    String keys = "a service-account key (JSON) under the key " + GcsCredentials.CLOUD;
    // Only with a custom endpoint (an emulator) may the credentials be left out.
    Secret secret = secret(storage, name, config.getCredsSecretRef(), keys, endpoint == null);
    GcsCredentials creds = null;
    if (secret != null) {
      try {
        creds = GcsCredentials.fromSecretData(secretName(storage, config.getCredsSecretRef()), secret.getData(),
            null);
      } catch (ObjectStoreException e) {
        throw new InvalidMigStorageException(INVALID_CREDS_SECRET_REF, "KeyError", e.getMessage());
      }
    }
    GcsSettings settings = new GcsSettings(bucket, null, endpoint, creds, null);
    try {
      settings.validate();
    } catch (ObjectStoreException e) {
      throw invalid(name, e);
    }
    return StorageLocation.gcp(settings);
  }

  /** A setting the store refused before any request, under the condition of the field to fix. */
  private static InvalidMigStorageException invalid(String name, ObjectStoreException e) {
    String type = switch (e.failure()) {
      case CREDENTIALS -> INVALID_CREDS_SECRET_REF;
      case MISSING_BUCKET -> INVALID_BUCKET_NAME;
      default -> INVALID_STORAGE_SETTINGS;
    };
    return new InvalidMigStorageException(type, "NotValid", "MigStorage " + name + ": " + e.getMessage());
  }

  /** The Secret credsSecretRef names; null only when it is not required and not referenced. */
  private Secret secret(MigStorage storage, String name, ObjectReference ref, String keys, boolean required) {
    if (ref == null || ref.getName() == null || ref.getName().isBlank()) {
      if (!required) {
        return null;
      }
      throw new InvalidMigStorageException(INVALID_CREDS_SECRET_REF, "NotSet", "MigStorage " + name
          + " has no backupStorageConfig.credsSecretRef: reference a Secret holding " + keys);
    }
    String secretName = secretName(storage, ref);
    int slash = secretName.indexOf('/');
    Secret secret = secrets.get(secretName.substring(0, slash), ref.getName());
    if (secret == null) {
      throw new InvalidMigStorageException(INVALID_CREDS_SECRET_REF, "NotFound", "Secret " + secretName
          + " named by MigStorage " + name + " (backupStorageConfig.credsSecretRef) does not exist: create it with "
          + keys);
    }
    return secret;
  }

  private static String secretName(MigStorage storage, ObjectReference ref) {
    String namespace = ref.getNamespace() == null || ref.getNamespace().isBlank()
        ? storage.getMetadata().getNamespace() : ref.getNamespace();
    return namespace + "/" + ref.getName();
  }

  /** {@code 4} and {@code "4"} alike (the seed writes the integer, MTC's docs the string). */
  private static String text(IntOrString value) {
    if (value == null) {
      return null;
    }
    return value.getIntVal() != null ? value.getIntVal().toString() : value.getStrVal();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
