package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** The choices made for migrating a persistent volume. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlanVolumeSelection {

  @JsonPropertyDescription("What to do with the volume: copy, move or skip.")
  private PvAction action;

  @JsonPropertyDescription("Storage class of the destination volume.")
  private String storageClass;

  @JsonPropertyDescription("Access mode of the destination volume, e.g. ReadWriteOnce.")
  private String accessMode;

  @JsonPropertyDescription("How the data is copied: filesystem, block or snapshot.")
  private CopyMethod copyMethod;

  @JsonPropertyDescription("If true, the size, mode, owner, times and content hash of every copied file are "
      + "checked after the copy; a mismatch fails the migration.")
  private Boolean verify;

  public PvAction getAction() {
    return action;
  }

  public void setAction(PvAction action) {
    this.action = action;
  }

  public String getStorageClass() {
    return storageClass;
  }

  public void setStorageClass(String storageClass) {
    this.storageClass = storageClass;
  }

  public String getAccessMode() {
    return accessMode;
  }

  public void setAccessMode(String accessMode) {
    this.accessMode = accessMode;
  }

  public CopyMethod getCopyMethod() {
    return copyMethod;
  }

  public void setCopyMethod(CopyMethod copyMethod) {
    this.copyMethod = copyMethod;
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
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    PlanVolumeSelection that = (PlanVolumeSelection) o;
    return Objects.equals(action, that.action)
        && Objects.equals(storageClass, that.storageClass)
        && Objects.equals(accessMode, that.accessMode)
        && Objects.equals(copyMethod, that.copyMethod)
        && Objects.equals(verify, that.verify);
  }

  @Override
  public int hashCode() {
    return Objects.hash(action, storageClass, accessMode, copyMethod, verify);
  }
}
