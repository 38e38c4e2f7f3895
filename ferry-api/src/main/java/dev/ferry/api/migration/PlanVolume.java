package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Objects;

/** A persistent volume of a plan: what it is, what is supported and what was chosen. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlanVolume {

  @JsonPropertyDescription("Name of the persistent volume on the source cluster.")
  private String name;

  @JsonPropertyDescription("Capacity of the volume (a quantity, e.g. 10Gi).")
  private Quantity capacity;

  @JsonPropertyDescription("Storage class of the volume on the source cluster.")
  private String storageClass;

  @JsonPropertyDescription("Actions and copy methods supported for the volume.")
  private PlanVolumeSupport supported;

  @JsonPropertyDescription("The choices made for the volume.")
  private PlanVolumeSelection selection;

  @JsonPropertyDescription("The claim bound to the volume.")
  private PlanVolumeClaim pvc;

  @JsonPropertyDescription("NFS volumes only: server and path of the remote volume, used by the move action.")
  private NfsVolume nfs;

  @JsonPropertyDescription("Set by the controller while its volume discovery confirms the entry.")
  private Boolean staged;

  @JsonPropertyDescription("True once the proposed capacity has been confirmed.")
  private Boolean capacityConfirmed;

  @JsonPropertyDescription("Capacity proposed for the destination volume when the volume's actual usage calls "
      + "for a size other than the requested one (a quantity, e.g. 10Gi).")
  private Quantity proposedCapacity;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Quantity getCapacity() {
    return capacity;
  }

  public void setCapacity(Quantity capacity) {
    this.capacity = capacity;
  }

  public String getStorageClass() {
    return storageClass;
  }

  public void setStorageClass(String storageClass) {
    this.storageClass = storageClass;
  }

  public PlanVolumeSupport getSupported() {
    return supported;
  }

  public void setSupported(PlanVolumeSupport supported) {
    this.supported = supported;
  }

  public PlanVolumeSelection getSelection() {
    return selection;
  }

  public void setSelection(PlanVolumeSelection selection) {
    this.selection = selection;
  }

  public PlanVolumeClaim getPvc() {
    return pvc;
  }

  public void setPvc(PlanVolumeClaim pvc) {
    this.pvc = pvc;
  }

  public NfsVolume getNfs() {
    return nfs;
  }

  public void setNfs(NfsVolume nfs) {
    this.nfs = nfs;
  }

  public Boolean getStaged() {
    return staged;
  }

  public void setStaged(Boolean staged) {
    this.staged = staged;
  }

  public Boolean getCapacityConfirmed() {
    return capacityConfirmed;
  }

  public void setCapacityConfirmed(Boolean capacityConfirmed) {
    this.capacityConfirmed = capacityConfirmed;
  }

  public Quantity getProposedCapacity() {
    return proposedCapacity;
  }

  public void setProposedCapacity(Quantity proposedCapacity) {
    this.proposedCapacity = proposedCapacity;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    PlanVolume that = (PlanVolume) o;
    return Objects.equals(name, that.name)
        && Objects.equals(capacity, that.capacity)
        && Objects.equals(storageClass, that.storageClass)
        && Objects.equals(supported, that.supported)
        && Objects.equals(selection, that.selection)
        && Objects.equals(pvc, that.pvc)
        && Objects.equals(nfs, that.nfs)
        && Objects.equals(staged, that.staged)
        && Objects.equals(capacityConfirmed, that.capacityConfirmed)
        && Objects.equals(proposedCapacity, that.proposedCapacity);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, capacity, storageClass, supported, selection, pvc, nfs, staged,
        capacityConfirmed, proposedCapacity);
  }
}
