package dev.ferry.api.migration.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.kubernetes.api.model.ObjectReference;
import lombok.Data;

/** Desired state of a MigAnalytic: which data to collect about a MigPlan. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class MigAnalyticSpec {

  @JsonPropertyDescription("Reference (name and namespace) to the MigPlan to analyze.")
  private ObjectReference migPlanRef;

  @JsonPropertyDescription("Optional: if true, report the number of images.")
  private Boolean analyzeImageCount;

  @JsonPropertyDescription("Optional: if true, report the number, kinds and API versions of the Kubernetes "
      + "resources.")
  private Boolean analyzeK8SResources;

  @JsonPropertyDescription("Optional: if true, report the capacity of the persistent volumes.")
  private Boolean analyzePVCapacity;

  @JsonPropertyDescription("Optional: if true, also measure the usage of each volume and propose an adjusted "
      + "destination capacity.")
  private Boolean analyzeExtendedPVCapacity;

  @JsonPropertyDescription("If true, return the list of image names. Default false, so that the output is not "
      + "too long.")
  @Default("false")
  private Boolean listImages;

  @JsonPropertyDescription("Optional: if listImages is true, the maximum number of image names to return.")
  private Integer listImagesLimit;

  @JsonPropertyDescription("Set to true to run the analysis again; the controller resets it to false.")
  private Boolean refresh;
}
