package dev.ferry.api.migration.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Quantity;
import lombok.Data;

/** Capacity and usage of one persistent volume claim. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class AnalyticsVolume {

  @JsonPropertyDescription("Name of the claim.")
  private String name;

  @JsonPropertyDescription("Capacity requested by the claim (a quantity, e.g. 10Gi).")
  private Quantity requestedCapacity;

  @JsonPropertyDescription("Capacity actually provisioned for the volume (a quantity, e.g. 10Gi).")
  private Quantity actualCapacity;

  @JsonPropertyDescription("Usage of the volume, in percent.")
  private Integer usagePercentage;

  @JsonPropertyDescription("Capacity proposed for the destination volume (a quantity, e.g. 10Gi).")
  private Quantity proposedCapacity;

  @JsonPropertyDescription("Why the proposed capacity differs from the requested one.")
  private String comment;

  @JsonPropertyDescription("True if sparse files were found on the volume.")
  private Boolean sparseFilesFound;
}
