package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** State of one data transfer attempt. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RsyncPodStatus {

  @JsonPropertyDescription("Name of the transfer pod.")
  private String podName;

  @JsonPropertyDescription("Phase of the transfer pod: Pending, Running, Succeeded, Failed or Unknown.")
  private String phase;

  @JsonPropertyDescription("Exit code of the transfer, once it has terminated.")
  private Integer exitCode;

  @JsonPropertyDescription("Run time of the transfer, e.g. 1m30s.")
  private String containerElapsedTime;

  @JsonPropertyDescription("Last lines of the transfer's log.")
  private String logMessage;

  @JsonPropertyDescription("Progress of the transfer, e.g. 42%.")
  private String lastObservedProgressPercent;

  @JsonPropertyDescription("Transfer rate, e.g. 85.2MiB/s.")
  private String lastObservedTransferRate;

  @JsonPropertyDescription("When the transfer pod was created (RFC 3339).")
  private String creationTimestamp;

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

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    RsyncPodStatus that = (RsyncPodStatus) o;
    return Objects.equals(podName, that.podName)
        && Objects.equals(phase, that.phase)
        && Objects.equals(exitCode, that.exitCode)
        && Objects.equals(containerElapsedTime, that.containerElapsedTime)
        && Objects.equals(logMessage, that.logMessage)
        && Objects.equals(lastObservedProgressPercent, that.lastObservedProgressPercent)
        && Objects.equals(lastObservedTransferRate, that.lastObservedTransferRate)
        && Objects.equals(creationTimestamp, that.creationTimestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(podName, phase, exitCode, containerElapsedTime, logMessage,
        lastObservedProgressPercent, lastObservedTransferRate, creationTimestamp);
  }
}
