package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.ConditionedStatus;
import java.util.List;
import java.util.Objects;

/** Observed state of a DirectImageStreamMigration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DirectImageStreamMigrationStatus extends ConditionedStatus {

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

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass() || !super.equals(o)) {
      return false;
    }
    DirectImageStreamMigrationStatus that = (DirectImageStreamMigrationStatus) o;
    return Objects.equals(observedDigest, that.observedDigest)
        && Objects.equals(startTimestamp, that.startTimestamp)
        && Objects.equals(phase, that.phase)
        && Objects.equals(itinerary, that.itinerary)
        && Objects.equals(errors, that.errors);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), observedDigest, startTimestamp, phase, itinerary, errors);
  }
}
