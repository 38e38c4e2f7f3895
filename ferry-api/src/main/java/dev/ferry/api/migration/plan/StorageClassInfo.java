package dev.ferry.api.migration.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import lombok.Data;

/** A storage class of a cluster, as offered for volume selection. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class StorageClassInfo {

  @JsonPropertyDescription("Name of the storage class.")
  private String name;

  @JsonPropertyDescription("Provisioner of the storage class.")
  private String provisioner;

  @JsonPropertyDescription("True if this is the cluster's default storage class.")
  @JsonProperty("default")
  private Boolean defaultClass;

  @JsonPropertyDescription("Access modes the class supports, per volume mode.")
  private List<VolumeAccessModes> volumeAccessModes;
}
