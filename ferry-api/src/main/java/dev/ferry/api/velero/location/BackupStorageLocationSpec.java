package dev.ferry.api.velero.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.UnknownFields;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.util.Map;
import lombok.Data;
import lombok.EqualsAndHashCode;

/**
 * Desired state of a BackupStorageLocation: an object storage bucket (or directory) holding
 * backups.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class BackupStorageLocationSpec extends UnknownFields {

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
}
