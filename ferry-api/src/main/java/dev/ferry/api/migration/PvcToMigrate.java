package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.InlineObjectReference;
import java.util.List;
import java.util.Objects;

/**
 * A persistent volume claim whose data a DirectVolumeMigration copies (its reference is inlined).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PvcToMigrate extends InlineObjectReference {

  @JsonPropertyDescription("Name of the claim on the destination cluster; the same name when unset.")
  private String targetName;

  @JsonPropertyDescription("Namespace of the claim on the destination cluster; the same namespace when unset.")
  private String targetNamespace;

  @JsonPropertyDescription("Storage class of the claim on the destination cluster.")
  private String targetStorageClass;

  @JsonPropertyDescription("Access modes of the claim on the destination cluster.")
  private List<String> targetAccessModes;

  @JsonPropertyDescription("Volume mode of the claim on the destination cluster: Filesystem or Block.")
  private String targetVolumeMode;

  @JsonPropertyDescription("If true, the integrity of the copied data is checked after the copy.")
  private Boolean verify;

  public String getTargetName() {
    return targetName;
  }

  public void setTargetName(String targetName) {
    this.targetName = targetName;
  }

  public String getTargetNamespace() {
    return targetNamespace;
  }

  public void setTargetNamespace(String targetNamespace) {
    this.targetNamespace = targetNamespace;
  }

  public String getTargetStorageClass() {
    return targetStorageClass;
  }

  public void setTargetStorageClass(String targetStorageClass) {
    this.targetStorageClass = targetStorageClass;
  }

  public List<String> getTargetAccessModes() {
    return targetAccessModes;
  }

  public void setTargetAccessModes(List<String> targetAccessModes) {
    this.targetAccessModes = targetAccessModes;
  }

  public String getTargetVolumeMode() {
    return targetVolumeMode;
  }

  public void setTargetVolumeMode(String targetVolumeMode) {
    this.targetVolumeMode = targetVolumeMode;
  }

  public Boolean getVerify() {
    return verify;
  }

  public void setVerify(Boolean verify) {
    this.verify = verify;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass() || !super.equals(o)) {
      return false;
    }
    PvcToMigrate that = (PvcToMigrate) o;
    return Objects.equals(targetName, that.targetName)
        && Objects.equals(targetNamespace, that.targetNamespace)
        && Objects.equals(targetStorageClass, that.targetStorageClass)
        && Objects.equals(targetAccessModes, that.targetAccessModes)
        && Objects.equals(targetVolumeMode, that.targetVolumeMode)
        && Objects.equals(verify, that.verify);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), targetName, targetNamespace, targetStorageClass, targetAccessModes,
        targetVolumeMode, verify);
  }
}
