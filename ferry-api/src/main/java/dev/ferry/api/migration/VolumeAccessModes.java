package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** Access modes supported for one volume mode. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VolumeAccessModes {

  @JsonPropertyDescription("Volume mode: Filesystem or Block.")
  private String volumeMode;

  @JsonPropertyDescription("Access modes, e.g. ReadWriteOnce, ReadWriteMany.")
  private List<String> accessModes;

  public String getVolumeMode() {
    return volumeMode;
  }

  public void setVolumeMode(String volumeMode) {
    this.volumeMode = volumeMode;
  }

  public List<String> getAccessModes() {
    return accessModes;
  }

  public void setAccessModes(List<String> accessModes) {
    this.accessModes = accessModes;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    VolumeAccessModes that = (VolumeAccessModes) o;
    return Objects.equals(volumeMode, that.volumeMode)
        && Objects.equals(accessModes, that.accessModes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(volumeMode, accessModes);
  }
}
