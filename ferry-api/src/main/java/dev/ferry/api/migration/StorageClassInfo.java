package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** A storage class of a cluster, as offered for volume selection. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StorageClassInfo {

  @JsonPropertyDescription("Name of the storage class.")
  private String name;

  @JsonPropertyDescription("Provisioner of the storage class.")
  private String provisioner;

  @JsonPropertyDescription("True if this is the cluster's default storage class.")
  @JsonProperty("default")
  private Boolean defaultClass;

  @JsonPropertyDescription("Access modes the class supports, per volume mode.")
  private List<VolumeAccessModes> volumeAccessModes;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getProvisioner() {
    return provisioner;
  }

  public void setProvisioner(String provisioner) {
    this.provisioner = provisioner;
  }

  public Boolean getDefaultClass() {
    return defaultClass;
  }

  public void setDefaultClass(Boolean defaultClass) {
    this.defaultClass = defaultClass;
  }

  public List<VolumeAccessModes> getVolumeAccessModes() {
    return volumeAccessModes;
  }

  public void setVolumeAccessModes(List<VolumeAccessModes> volumeAccessModes) {
    this.volumeAccessModes = volumeAccessModes;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    StorageClassInfo that = (StorageClassInfo) o;
    return Objects.equals(name, that.name)
        && Objects.equals(provisioner, that.provisioner)
        && Objects.equals(defaultClass, that.defaultClass)
        && Objects.equals(volumeAccessModes, that.volumeAccessModes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, provisioner, defaultClass, volumeAccessModes);
  }
}
