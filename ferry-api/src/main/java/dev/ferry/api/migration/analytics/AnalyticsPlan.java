package dev.ferry.api.migration.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import lombok.Data;

/** Data collected about a MigPlan. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class AnalyticsPlan {

  @JsonPropertyDescription("Name of the MigPlan.")
  private String plan;

  @JsonPropertyDescription("Progress of the analysis, in percent.")
  private Integer percentComplete;

  @JsonPropertyDescription("Number of Kubernetes resources in the plan's namespaces.")
  private Integer k8sResourceTotal;

  @JsonPropertyDescription("Number of resources excluded from the migration.")
  @JsonProperty("excludedk8sResourceTotal")
  private Integer excludedK8sResourceTotal;

  @JsonPropertyDescription("Number of resources whose API version the destination cluster does not serve.")
  @JsonProperty("incompatiblek8sResourceTotal")
  private Integer incompatibleK8sResourceTotal;

  @JsonPropertyDescription("Total capacity of the persistent volumes (a quantity, e.g. 10Gi).")
  private Quantity pvCapacity;

  @JsonPropertyDescription("Number of persistent volumes.")
  private Integer pvCount;

  @JsonPropertyDescription("Number of images.")
  private Integer imageCount;

  @JsonPropertyDescription("Total size of the images (a quantity, e.g. 10Gi).")
  private Quantity imageSizeTotal;

  @JsonPropertyDescription("The data per namespace.")
  private List<AnalyticsNamespace> namespaces;
}
