package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.ConditionedStatus;
import java.util.List;
import java.util.Objects;

/** Observed state of a MigMigration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MigMigrationStatus extends ConditionedStatus {

  @JsonPropertyDescription("Namespaces whose migrated workloads are not healthy on the destination cluster "
      + "(verify).")
  private List<UnhealthyNamespace> namespaces;

  @JsonPropertyDescription("Digest of the spec the controller last reconciled.")
  private String observedDigest;

  @JsonPropertyDescription("When the migration started (RFC 3339).")
  private String startTimestamp;

  @JsonPropertyDescription("Current phase of the itinerary, e.g. Prepare, EnsureInitialBackup or Completed.")
  private String phase;

  @JsonPropertyDescription("Progress of the migration as coarse steps: Prepare, Backup, StageBackup, "
      + "StageRestore, DirectImage, DirectVolume, Restore, Cleanup and the hook steps.")
  private List<Step> pipeline;

  @JsonPropertyDescription("Itinerary being followed: Final (cutover), Stage, Rollback, Cancel or Failed.")
  private String itinerary;

  @JsonPropertyDescription("Errors that failed the migration.")
  private List<String> errors;

  public List<UnhealthyNamespace> getNamespaces() {
    return namespaces;
  }

  public void setNamespaces(List<UnhealthyNamespace> namespaces) {
    this.namespaces = namespaces;
  }

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

  public List<Step> getPipeline() {
    return pipeline;
  }

  public void setPipeline(List<Step> pipeline) {
    this.pipeline = pipeline;
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
    MigMigrationStatus that = (MigMigrationStatus) o;
    return Objects.equals(namespaces, that.namespaces)
        && Objects.equals(observedDigest, that.observedDigest)
        && Objects.equals(startTimestamp, that.startTimestamp)
        && Objects.equals(phase, that.phase)
        && Objects.equals(pipeline, that.pipeline)
        && Objects.equals(itinerary, that.itinerary)
        && Objects.equals(errors, that.errors);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), namespaces, observedDigest, startTimestamp, phase, pipeline,
        itinerary, errors);
  }
}
