package dev.ferry.api.velero;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.List;
import java.util.Objects;

/** Observed state of a Restore. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RestoreStatus {

  @JsonPropertyDescription("Phase of the restore.")
  private RestorePhase phase;

  @JsonPropertyDescription("Problems found in the spec; the restore is not run when there are any.")
  @Nullable
  private List<String> validationErrors;

  @JsonPropertyDescription("Number of warnings; they do not change the phase.")
  private Integer warnings;

  @JsonPropertyDescription("Number of errors; any error makes the restore PartiallyFailed.")
  private Integer errors;

  @JsonPropertyDescription("Why the restore failed, when it failed as a whole.")
  private String failureReason;

  @JsonPropertyDescription("When the restore started (RFC 3339).")
  @Nullable
  private String startTimestamp;

  @JsonPropertyDescription("When the restore completed (RFC 3339).")
  @Nullable
  private String completionTimestamp;

  @JsonPropertyDescription("Number of items to restore and restored so far.")
  @Nullable
  private RestoreProgress progress;

  @JsonPropertyDescription("Volume restores (PodVolumeRestores) that failed.")
  private List<ObjectReference> podVolumeRestoreErrors;

  @JsonPropertyDescription("Volume restores (PodVolumeRestores) whose repository restore reported errors, such "
      + "as verification errors.")
  private List<ObjectReference> podVolumeRestoreResticErrors;

  public RestorePhase getPhase() {
    return phase;
  }

  public void setPhase(RestorePhase phase) {
    this.phase = phase;
  }

  public List<String> getValidationErrors() {
    return validationErrors;
  }

  public void setValidationErrors(List<String> validationErrors) {
    this.validationErrors = validationErrors;
  }

  public Integer getWarnings() {
    return warnings;
  }

  public void setWarnings(Integer warnings) {
    this.warnings = warnings;
  }

  public Integer getErrors() {
    return errors;
  }

  public void setErrors(Integer errors) {
    this.errors = errors;
  }

  public String getFailureReason() {
    return failureReason;
  }

  public void setFailureReason(String failureReason) {
    this.failureReason = failureReason;
  }

  public String getStartTimestamp() {
    return startTimestamp;
  }

  public void setStartTimestamp(String startTimestamp) {
    this.startTimestamp = startTimestamp;
  }

  public String getCompletionTimestamp() {
    return completionTimestamp;
  }

  public void setCompletionTimestamp(String completionTimestamp) {
    this.completionTimestamp = completionTimestamp;
  }

  public RestoreProgress getProgress() {
    return progress;
  }

  public void setProgress(RestoreProgress progress) {
    this.progress = progress;
  }

  public List<ObjectReference> getPodVolumeRestoreErrors() {
    return podVolumeRestoreErrors;
  }

  public void setPodVolumeRestoreErrors(List<ObjectReference> podVolumeRestoreErrors) {
    this.podVolumeRestoreErrors = podVolumeRestoreErrors;
  }

  public List<ObjectReference> getPodVolumeRestoreResticErrors() {
    return podVolumeRestoreResticErrors;
  }

  public void setPodVolumeRestoreResticErrors(List<ObjectReference> podVolumeRestoreResticErrors) {
    this.podVolumeRestoreResticErrors = podVolumeRestoreResticErrors;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    RestoreStatus that = (RestoreStatus) o;
    return Objects.equals(phase, that.phase)
        && Objects.equals(validationErrors, that.validationErrors)
        && Objects.equals(warnings, that.warnings)
        && Objects.equals(errors, that.errors)
        && Objects.equals(failureReason, that.failureReason)
        && Objects.equals(startTimestamp, that.startTimestamp)
        && Objects.equals(completionTimestamp, that.completionTimestamp)
        && Objects.equals(progress, that.progress)
        && Objects.equals(podVolumeRestoreErrors, that.podVolumeRestoreErrors)
        && Objects.equals(podVolumeRestoreResticErrors, that.podVolumeRestoreResticErrors);
  }

  @Override
  public int hashCode() {
    return Objects.hash(phase, validationErrors, warnings, errors, failureReason, startTimestamp,
        completionTimestamp, progress, podVolumeRestoreErrors, podVolumeRestoreResticErrors);
  }
}
