package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.ConditionedStatus;
import java.util.List;
import java.util.Objects;

/** Observed state of a DirectImageMigration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DirectImageMigrationStatus extends ConditionedStatus {

  @JsonPropertyDescription("Digest of the spec the controller last reconciled.")
  private String observedDigest;

  @JsonPropertyDescription("When the migration started (RFC 3339).")
  private String startTimestamp;

  @JsonPropertyDescription("Current phase of the itinerary.")
  private String phase;

  @JsonPropertyDescription("Itinerary (sequence of phases) being followed.")
  private String itinerary;

  @JsonPropertyDescription("Errors that failed the migration.")
  private List<String> errors;

  @JsonPropertyDescription("Image streams waiting to be migrated.")
  private List<ImageStreamListItem> newISs;

  @JsonPropertyDescription("Image streams migrated successfully.")
  private List<ImageStreamListItem> successfulISs;

  @JsonPropertyDescription("Image streams deleted from the destination cluster.")
  private List<ImageStreamListItem> deletedISs;

  @JsonPropertyDescription("Image streams whose migration failed.")
  private List<ImageStreamListItem> failedISs;

  public String getObservedDigest() {
    return observedDigest;
  }

  public void setObservedDigest(String observedDigest) {
    this.observedDigest = observedDigest;
  }

  public String getStartTimestamp() {
    return startTimestamp;
  }

  public void setStartTimestamp(String startTimestamp) {
    this.startTimestamp = startTimestamp;
  }

  public String getPhase() {
    return phase;
  }

  public void setPhase(String phase) {
    this.phase = phase;
  }

  public String getItinerary() {
    return itinerary;
  }

  public void setItinerary(String itinerary) {
    this.itinerary = itinerary;
  }

  public List<String> getErrors() {
    return errors;
  }

  public void setErrors(List<String> errors) {
    this.errors = errors;
  }

  public List<ImageStreamListItem> getNewISs() {
    return newISs;
  }

  public void setNewISs(List<ImageStreamListItem> newISs) {
    this.newISs = newISs;
  }

  public List<ImageStreamListItem> getSuccessfulISs() {
    return successfulISs;
  }

  public void setSuccessfulISs(List<ImageStreamListItem> successfulISs) {
    this.successfulISs = successfulISs;
  }

  public List<ImageStreamListItem> getDeletedISs() {
    return deletedISs;
  }

  public void setDeletedISs(List<ImageStreamListItem> deletedISs) {
    this.deletedISs = deletedISs;
  }

  public List<ImageStreamListItem> getFailedISs() {
    return failedISs;
  }

  public void setFailedISs(List<ImageStreamListItem> failedISs) {
    this.failedISs = failedISs;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass() || !super.equals(o)) {
      return false;
    }
    DirectImageMigrationStatus that = (DirectImageMigrationStatus) o;
    return Objects.equals(observedDigest, that.observedDigest)
        && Objects.equals(startTimestamp, that.startTimestamp)
        && Objects.equals(phase, that.phase)
        && Objects.equals(itinerary, that.itinerary)
        && Objects.equals(errors, that.errors)
        && Objects.equals(newISs, that.newISs)
        && Objects.equals(successfulISs, that.successfulISs)
        && Objects.equals(deletedISs, that.deletedISs)
        && Objects.equals(failedISs, that.failedISs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), observedDigest, startTimestamp, phase, itinerary, errors, newISs,
        successfulISs, deletedISs, failedISs);
  }
}
