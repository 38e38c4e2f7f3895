package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.InlineObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Objects;

/** Progress of the data transfer of one claim (the transfer pod's reference is inlined). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PodProgress extends InlineObjectReference {

  @JsonPropertyDescription("Reference to the persistent volume claim being copied.")
  private ObjectReference pvcRef;

  @JsonPropertyDescription("Last observed progress, e.g. 42%.")
  private String lastObservedProgressPercent;

  @JsonPropertyDescription("Last observed transfer rate, e.g. 85.2MiB/s.")
  private String lastObservedTransferRate;

  @JsonPropertyDescription("Time spent, as a duration such as 1m30s.")
  private String totalElapsedTime;

  @JsonPropertyDescription("Ferry: progress over all attempts, e.g. 42%.")
  private String totalProgressPercentage;

  @JsonPropertyDescription("Ferry: last message of the transfer.")
  private String message;

  public ObjectReference getPvcRef() {
    return pvcRef;
  }

  public void setPvcRef(ObjectReference pvcRef) {
    this.pvcRef = pvcRef;
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

  public String getTotalElapsedTime() {
    return totalElapsedTime;
  }

  public void setTotalElapsedTime(String totalElapsedTime) {
    this.totalElapsedTime = totalElapsedTime;
  }

  public String getTotalProgressPercentage() {
    return totalProgressPercentage;
  }

  public void setTotalProgressPercentage(String totalProgressPercentage) {
    this.totalProgressPercentage = totalProgressPercentage;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass() || !super.equals(o)) {
      return false;
    }
    PodProgress that = (PodProgress) o;
    return Objects.equals(pvcRef, that.pvcRef)
        && Objects.equals(lastObservedProgressPercent, that.lastObservedProgressPercent)
        && Objects.equals(lastObservedTransferRate, that.lastObservedTransferRate)
        && Objects.equals(totalElapsedTime, that.totalElapsedTime)
        && Objects.equals(totalProgressPercentage, that.totalProgressPercentage)
        && Objects.equals(message, that.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), pvcRef, lastObservedProgressPercent, lastObservedTransferRate,
        totalElapsedTime, totalProgressPercentage, message);
  }
}
