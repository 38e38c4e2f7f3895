package dev.ferry.api.migration.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Quantity;
import lombok.Data;

/** A persistent volume of a plan: what it is, what is supported and what was chosen. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
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
}
