package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.ConditionedStatus;
import java.util.List;
import java.util.Objects;

/** Observed state of a DirectVolumeMigration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DirectVolumeMigrationStatus extends ConditionedStatus {

  @JsonPropertyDescription("Digest of the spec the controller last reconciled.")
  private String observedDigest;

  @JsonPropertyDescription("When the migration started (RFC 3339).")
  private String startTimestamp;

  @JsonPropertyDescription("Human-readable description of the current phase.")
  private String phaseDescription;

  @JsonPropertyDescription("Current phase of the itinerary.")
  private String phase;

  @JsonPropertyDescription("Itinerary (sequence of phases) being followed.")
  private String itinerary;

  @JsonPropertyDescription("Errors that failed the migration.")
  private List<String> errors;

  @JsonPropertyDescription("Data transfers that succeeded.")
  private List<PodProgress> successfulPods;

  @JsonPropertyDescription("Data transfers that failed.")
  private List<PodProgress> failedPods;

  @JsonPropertyDescription("Data transfers that are running.")
  private List<PodProgress> runningPods;

  @JsonPropertyDescription("Data transfers that wait to start.")
  private List<PodProgress> pendingPods;

  @JsonPropertyDescription("Data transfers whose state is unknown.")
  private List<PodProgress> unknownPods;

  @JsonPropertyDescription("Data transfers pending for longer than the time limit (e.g. pods that cannot be "
      + "scheduled).")
  private List<PodProgress> pendingSinceTimeLimitPods;

  @JsonPropertyDescription("Live migrations of virtual machine volumes that succeeded.")
  private List<LiveMigrationProgress> successfulLiveMigration;

  @JsonPropertyDescription("Live migrations that are running.")
  private List<LiveMigrationProgress> runningLiveMigration;

  @JsonPropertyDescription("Live migrations that wait to start.")
  private List<LiveMigrationProgress> pendingLiveMigration;

  @JsonPropertyDescription("Live migrations that failed.")
  private List<LiveMigrationProgress> failedLiveMigration;

  @JsonPropertyDescription("Attempts of the data transfer of each claim.")
  private List<RsyncOperation> rsyncOperations;

  @JsonPropertyDescription("Volumes that were skipped, as namespace/name.")
  private List<String> skippedVolumes;

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

  public String getPhaseDescription() {
    return phaseDescription;
  }

  public void setPhaseDescription(String phaseDescription) {
    this.phaseDescription = phaseDescription;
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

  public List<PodProgress> getSuccessfulPods() {
    return successfulPods;
  }

  public void setSuccessfulPods(List<PodProgress> successfulPods) {
    this.successfulPods = successfulPods;
  }

  public List<PodProgress> getFailedPods() {
    return failedPods;
  }

  public void setFailedPods(List<PodProgress> failedPods) {
    this.failedPods = failedPods;
  }

  public List<PodProgress> getRunningPods() {
    return runningPods;
  }

  public void setRunningPods(List<PodProgress> runningPods) {
    this.runningPods = runningPods;
  }

  public List<PodProgress> getPendingPods() {
    return pendingPods;
  }

  public void setPendingPods(List<PodProgress> pendingPods) {
    this.pendingPods = pendingPods;
  }

  public List<PodProgress> getUnknownPods() {
    return unknownPods;
  }

  public void setUnknownPods(List<PodProgress> unknownPods) {
    this.unknownPods = unknownPods;
  }

  public List<PodProgress> getPendingSinceTimeLimitPods() {
    return pendingSinceTimeLimitPods;
  }

  public void setPendingSinceTimeLimitPods(List<PodProgress> pendingSinceTimeLimitPods) {
    this.pendingSinceTimeLimitPods = pendingSinceTimeLimitPods;
  }

  public List<LiveMigrationProgress> getSuccessfulLiveMigration() {
    return successfulLiveMigration;
  }

  public void setSuccessfulLiveMigration(List<LiveMigrationProgress> successfulLiveMigration) {
    this.successfulLiveMigration = successfulLiveMigration;
  }

  public List<LiveMigrationProgress> getRunningLiveMigration() {
    return runningLiveMigration;
  }

  public void setRunningLiveMigration(List<LiveMigrationProgress> runningLiveMigration) {
    this.runningLiveMigration = runningLiveMigration;
  }

  public List<LiveMigrationProgress> getPendingLiveMigration() {
    return pendingLiveMigration;
  }

  public void setPendingLiveMigration(List<LiveMigrationProgress> pendingLiveMigration) {
    this.pendingLiveMigration = pendingLiveMigration;
  }

  public List<LiveMigrationProgress> getFailedLiveMigration() {
    return failedLiveMigration;
  }

  public void setFailedLiveMigration(List<LiveMigrationProgress> failedLiveMigration) {
    this.failedLiveMigration = failedLiveMigration;
  }

  public List<RsyncOperation> getRsyncOperations() {
    return rsyncOperations;
  }

  public void setRsyncOperations(List<RsyncOperation> rsyncOperations) {
    this.rsyncOperations = rsyncOperations;
  }

  public List<String> getSkippedVolumes() {
    return skippedVolumes;
  }

  public void setSkippedVolumes(List<String> skippedVolumes) {
    this.skippedVolumes = skippedVolumes;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass() || !super.equals(o)) {
      return false;
    }
    DirectVolumeMigrationStatus that = (DirectVolumeMigrationStatus) o;
    return Objects.equals(observedDigest, that.observedDigest)
        && Objects.equals(startTimestamp, that.startTimestamp)
        && Objects.equals(phaseDescription, that.phaseDescription)
        && Objects.equals(phase, that.phase)
        && Objects.equals(itinerary, that.itinerary)
        && Objects.equals(errors, that.errors)
        && Objects.equals(successfulPods, that.successfulPods)
        && Objects.equals(failedPods, that.failedPods)
        && Objects.equals(runningPods, that.runningPods)
        && Objects.equals(pendingPods, that.pendingPods)
        && Objects.equals(unknownPods, that.unknownPods)
        && Objects.equals(pendingSinceTimeLimitPods, that.pendingSinceTimeLimitPods)
        && Objects.equals(successfulLiveMigration, that.successfulLiveMigration)
        && Objects.equals(runningLiveMigration, that.runningLiveMigration)
        && Objects.equals(pendingLiveMigration, that.pendingLiveMigration)
        && Objects.equals(failedLiveMigration, that.failedLiveMigration)
        && Objects.equals(rsyncOperations, that.rsyncOperations)
        && Objects.equals(skippedVolumes, that.skippedVolumes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), observedDigest, startTimestamp, phaseDescription, phase, itinerary,
        errors, successfulPods, failedPods, runningPods, pendingPods, unknownPods, pendingSinceTimeLimitPods,
        successfulLiveMigration, runningLiveMigration, pendingLiveMigration, failedLiveMigration,
        rsyncOperations, skippedVolumes);
  }
}
