package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** One step of a migration's pipeline. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Step {

  @JsonPropertyDescription("Name of the step, e.g. Backup or DirectVolume.")
  private String name;

  @JsonPropertyDescription("Phase of the itinerary running in this step.")
  private String phase;

  @JsonPropertyDescription("What the step does or is doing.")
  private String message;

  @JsonPropertyDescription("Progress messages, one per item being processed (a backup, a volume, ...).")
  private List<String> progress;

  @JsonPropertyDescription("When the step started (RFC 3339).")
  private String started;

  @JsonPropertyDescription("When the step completed (RFC 3339).")
  private String completed;

  @JsonPropertyDescription("True if the step failed.")
  private Boolean failed;

  @JsonPropertyDescription("True if the step was skipped.")
  private Boolean skipped;

  @JsonPropertyDescription("Ferry: bytes the step has transferred so far.")
  private Long bytesDone;

  @JsonPropertyDescription("Ferry: bytes the step has to transfer in total.")
  private Long bytesTotal;

  @JsonPropertyDescription("Ferry: current transfer rate, e.g. 85.2 MiB/s.")
  private String rate;

  @JsonPropertyDescription("Ferry: estimated time until the step completes, e.g. 4m10s.")
  private String eta;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPhase() {
    return phase;
  }

  public void setPhase(String phase) {
    this.phase = phase;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public List<String> getProgress() {
    return progress;
  }

  public void setProgress(List<String> progress) {
    this.progress = progress;
  }

  public String getStarted() {
    return started;
  }

  public void setStarted(String started) {
    this.started = started;
  }

  public String getCompleted() {
    return completed;
  }

  public void setCompleted(String completed) {
    this.completed = completed;
  }

  public Boolean getFailed() {
    return failed;
  }

  public void setFailed(Boolean failed) {
    this.failed = failed;
  }

  public Boolean getSkipped() {
    return skipped;
  }

  public void setSkipped(Boolean skipped) {
    this.skipped = skipped;
  }

  public Long getBytesDone() {
    return bytesDone;
  }

  public void setBytesDone(Long bytesDone) {
    this.bytesDone = bytesDone;
  }

  public Long getBytesTotal() {
    return bytesTotal;
  }

  public void setBytesTotal(Long bytesTotal) {
    this.bytesTotal = bytesTotal;
  }

  public String getRate() {
    return rate;
  }

  public void setRate(String rate) {
    this.rate = rate;
  }

  public String getEta() {
    return eta;
  }

  public void setEta(String eta) {
    this.eta = eta;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    Step that = (Step) o;
    return Objects.equals(name, that.name)
        && Objects.equals(phase, that.phase)
        && Objects.equals(message, that.message)
        && Objects.equals(progress, that.progress)
        && Objects.equals(started, that.started)
        && Objects.equals(completed, that.completed)
        && Objects.equals(failed, that.failed)
        && Objects.equals(skipped, that.skipped)
        && Objects.equals(bytesDone, that.bytesDone)
        && Objects.equals(bytesTotal, that.bytesTotal)
        && Objects.equals(rate, that.rate)
        && Objects.equals(eta, that.eta);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, phase, message, progress, started, completed, failed, skipped, bytesDone,
        bytesTotal, rate, eta);
  }
}
