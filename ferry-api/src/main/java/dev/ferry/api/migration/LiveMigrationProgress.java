package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Objects;

/** Progress of the live migration of a virtual machine's volume. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LiveMigrationProgress {

  @JsonPropertyDescription("Name of the virtual machine.")
  private String vmName;

  @JsonPropertyDescription("Namespace of the virtual machine.")
  private String vmNamespace;

  @JsonPropertyDescription("Reference to the persistent volume claim being migrated.")
  private ObjectReference pvcRef;

  @JsonPropertyDescription("Last observed progress, e.g. 42%.")
  private String lastObservedProgressPercent;

  @JsonPropertyDescription("Last observed transfer rate.")
  private String lastObservedTransferRate;

  @JsonPropertyDescription("Time spent, as a duration such as 1m30s.")
  private String totalElapsedTime;

  @JsonPropertyDescription("Last message of the live migration.")
  private String message;

  public String getVmName() {
    return vmName;
  }

  public void setVmName(String vmName) {
    this.vmName = vmName;
  }

  public String getVmNamespace() {
    return vmNamespace;
  }

  public void setVmNamespace(String vmNamespace) {
    this.vmNamespace = vmNamespace;
  }

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
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    LiveMigrationProgress that = (LiveMigrationProgress) o;
    return Objects.equals(vmName, that.vmName)
        && Objects.equals(vmNamespace, that.vmNamespace)
        && Objects.equals(pvcRef, that.pvcRef)
        && Objects.equals(lastObservedProgressPercent, that.lastObservedProgressPercent)
        && Objects.equals(lastObservedTransferRate, that.lastObservedTransferRate)
        && Objects.equals(totalElapsedTime, that.totalElapsedTime)
        && Objects.equals(message, that.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(vmName, vmNamespace, pvcRef, lastObservedProgressPercent, lastObservedTransferRate,
        totalElapsedTime, message);
  }
}
