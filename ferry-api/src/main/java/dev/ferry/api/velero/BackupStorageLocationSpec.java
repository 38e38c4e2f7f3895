package dev.ferry.api.velero;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.util.Map;
import java.util.Objects;

/**
 * Desired state of a BackupStorageLocation: an object storage bucket (or directory) holding
 * backups.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackupStorageLocationSpec {

  @JsonPropertyDescription("Object storage provider, e.g. aws (S3 and S3-compatible stores), azure, gcp, or "
      + "filesystem (Ferry: a local directory).")
  @Required
  private String provider;

  @JsonPropertyDescription("Bucket and prefix holding the backups.")
  @Required
  private ObjectStorageLocation objectStorage;

  @JsonPropertyDescription("Provider-specific settings, e.g. region, s3Url, s3ForcePathStyle or path.")
  private Map<String, String> config;

  @JsonPropertyDescription("Key of a Secret holding the provider's credentials.")
  private SecretKeySelector credential;

  @JsonPropertyDescription("Whether backups without storageLocation go to this location.")
  @JsonProperty("default")
  private Boolean defaultLocation;

  @JsonPropertyDescription("How the location may be used: ReadWrite or ReadOnly.")
  private BackupStorageLocationAccessMode accessMode;

  @JsonPropertyDescription("How often backups found in the location are synced into the cluster, e.g. 1m0s; 0s "
      + "disables syncing.")
  @Nullable
  private String backupSyncPeriod;

  @JsonPropertyDescription("How often the location is validated, e.g. 1m0s; 0s disables validation.")
  @Nullable
  private String validationFrequency;

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider;
  }

  public ObjectStorageLocation getObjectStorage() {
    return objectStorage;
  }

  public void setObjectStorage(ObjectStorageLocation objectStorage) {
    this.objectStorage = objectStorage;
  }

  public Map<String, String> getConfig() {
    return config;
  }

  public void setConfig(Map<String, String> config) {
    this.config = config;
  }

  public SecretKeySelector getCredential() {
    return credential;
  }

  public void setCredential(SecretKeySelector credential) {
    this.credential = credential;
  }

  public Boolean getDefaultLocation() {
    return defaultLocation;
  }

  public void setDefaultLocation(Boolean defaultLocation) {
    this.defaultLocation = defaultLocation;
  }

  public BackupStorageLocationAccessMode getAccessMode() {
    return accessMode;
  }

  public void setAccessMode(BackupStorageLocationAccessMode accessMode) {
    this.accessMode = accessMode;
  }

  public String getBackupSyncPeriod() {
    return backupSyncPeriod;
  }

  public void setBackupSyncPeriod(String backupSyncPeriod) {
    this.backupSyncPeriod = backupSyncPeriod;
  }

  public String getValidationFrequency() {
    return validationFrequency;
  }

  public void setValidationFrequency(String validationFrequency) {
    this.validationFrequency = validationFrequency;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    BackupStorageLocationSpec that = (BackupStorageLocationSpec) o;
    return Objects.equals(provider, that.provider)
        && Objects.equals(objectStorage, that.objectStorage)
        && Objects.equals(config, that.config)
        && Objects.equals(credential, that.credential)
        && Objects.equals(defaultLocation, that.defaultLocation)
        && Objects.equals(accessMode, that.accessMode)
        && Objects.equals(backupSyncPeriod, that.backupSyncPeriod)
        && Objects.equals(validationFrequency, that.validationFrequency);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provider, objectStorage, config, credential, defaultLocation, accessMode,
        backupSyncPeriod, validationFrequency);
  }
}
