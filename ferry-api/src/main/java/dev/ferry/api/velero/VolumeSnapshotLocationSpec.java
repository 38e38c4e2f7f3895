package dev.ferry.api.velero;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.util.Map;
import java.util.Objects;

/** Desired state of a VolumeSnapshotLocation: where volume snapshots are taken. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VolumeSnapshotLocationSpec {

  @JsonPropertyDescription("Snapshot provider, e.g. aws, azure or gcp.")
  @Required
  private String provider;

  @JsonPropertyDescription("Provider-specific settings, e.g. region.")
  private Map<String, String> config;

  @JsonPropertyDescription("Key of a Secret holding the provider's credentials.")
  private SecretKeySelector credential;

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider;
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

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    VolumeSnapshotLocationSpec that = (VolumeSnapshotLocationSpec) o;
    return Objects.equals(provider, that.provider)
        && Objects.equals(config, that.config)
        && Objects.equals(credential, that.credential);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provider, config, credential);
  }
}
