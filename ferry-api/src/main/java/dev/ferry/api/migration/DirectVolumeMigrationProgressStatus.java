package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.ConditionedStatus;
import java.util.List;
import java.util.Objects;

/**
 * Observed progress of a data transfer. The fields of the most recent attempt are inlined;
 * rsyncPodStatuses holds the history of all attempts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DirectVolumeMigrationProgressStatus extends ConditionedStatus {

  @JsonPropertyDescription("Name of the most recent transfer pod.")
  private String podName;

  @JsonPropertyDescription("Phase of the most recent transfer pod: Pending, Running, Succeeded, Failed or "
      + "Unknown.")
  private String phase;

  @JsonPropertyDescription("Exit code of the most recent transfer, once it has terminated.")
  private Integer exitCode;

  @JsonPropertyDescription("Run time of the most recent transfer, e.g. 1m30s.")
  private String containerElapsedTime;

  @JsonPropertyDescription("Last lines of the log of the most recent transfer.")
  private String logMessage;

  @JsonPropertyDescription("Progress of the most recent transfer, e.g. 42%.")
  private String lastObservedProgressPercent;

  @JsonPropertyDescription("Transfer rate of the most recent transfer, e.g. 85.2MiB/s.")
  private String lastObservedTransferRate;

  @JsonPropertyDescription("When the most recent transfer pod was created (RFC 3339).")
  private String creationTimestamp;

  @JsonPropertyDescription("History of all transfer attempts.")
  private List<RsyncPodStatus> rsyncPodStatuses;

  @JsonPropertyDescription("Total time spent over all attempts, e.g. 5m2s.")
  private String rsyncElapsedTime;

  @JsonPropertyDescription("Progress over all attempts, e.g. 42%.")
  private String totalProgressPercentage;

  @JsonPropertyDescription("Digest of the spec the controller last reconciled.")
  private String observedDigest;

  public String getPodName() {
    return podName;
  }

  public void setPodName(String podName) {
    this.podName = podName;
  }

  public String getPhase() {
    return phase;
  }

  public void setPhase(String phase) {
    this.phase = phase;
  }

  public Integer getExitCode() {
    return exitCode;
  }

  public void setExitCode(Integer exitCode) {
    this.exitCode = exitCode;
  }

  public String getContainerElapsedTime() {
    return containerElapsedTime;
  }

  public void setContainerElapsedTime(String containerElapsedTime) {
    this.containerElapsedTime = containerElapsedTime;
  }

  public String getLogMessage() {
    return logMessage;
  }

  public void setLogMessage(String logMessage) {
    this.logMessage = logMessage;
  }

  public String getLastObservedProgressPercent() {
    return lastObservedProgressPercent;
  }

  public void setLastObservedProgressPercent(String lastObservedProgressPercent) {
    this.lastObservedProgressPercent = lastObservedProgressPercent;
  }

  public String getLastObservedTransferRate() {
    return lastObservedTransferRate;
  }

  public void setLastObservedTransferRate(String lastObservedTransferRate) {
    this.lastObservedTransferRate = lastObservedTransferRate;
  }

  public String getCreationTimestamp() {
    return creationTimestamp;
  }

  public void setCreationTimestamp(String creationTimestamp) {
    this.creationTimestamp = creationTimestamp;
  }

  public List<RsyncPodStatus> getRsyncPodStatuses() {
    return rsyncPodStatuses;
  }

  public void setRsyncPodStatuses(List<RsyncPodStatus> rsyncPodStatuses) {
    this.rsyncPodStatuses = rsyncPodStatuses;
  }

  public String getRsyncElapsedTime() {
    return rsyncElapsedTime;
  }

  public void setRsyncElapsedTime(String rsyncElapsedTime) {
    this.rsyncElapsedTime = rsyncElapsedTime;
  }

  public String getTotalProgressPercentage() {
    return totalProgressPercentage;
  }

  public void setTotalProgressPercentage(String totalProgressPercentage) {
    this.totalProgressPercentage = totalProgressPercentage;
  }

  public String getObservedDigest() {
    return observedDigest;
  }

  public void setObservedDigest(String observedDigest) {
    this.observedDigest = observedDigest;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass() || !super.equals(o)) {
      return false;
    }
    DirectVolumeMigrationProgressStatus that = (DirectVolumeMigrationProgressStatus) o;
    return Objects.equals(podName, that.podName)
        && Objects.equals(phase, that.phase)
        && Objects.equals(exitCode, that.exitCode)
        && Objects.equals(containerElapsedTime, that.containerElapsedTime)
        && Objects.equals(logMessage, that.logMessage)
        && Objects.equals(lastObservedProgressPercent, that.lastObservedProgressPercent)
        && Objects.equals(lastObservedTransferRate, that.lastObservedTransferRate)
        && Objects.equals(creationTimestamp, that.creationTimestamp)
        && Objects.equals(rsyncPodStatuses, that.rsyncPodStatuses)
        && Objects.equals(rsyncElapsedTime, that.rsyncElapsedTime)
        && Objects.equals(totalProgressPercentage, that.totalProgressPercentage)
        && Objects.equals(observedDigest, that.observedDigest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), podName, phase, exitCode, containerElapsedTime, logMessage,
        lastObservedProgressPercent, lastObservedTransferRate, creationTimestamp, rsyncPodStatuses,
        rsyncElapsedTime, totalProgressPercentage, observedDigest);
  }
}
