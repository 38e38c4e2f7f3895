package dev.ferry.api.migration.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import lombok.Data;

/** Data collected about one namespace of a MigPlan. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class AnalyticsNamespace {

  @JsonPropertyDescription("Name of the namespace.")
  private String namespace;

  @JsonPropertyDescription("Number of Kubernetes resources.")
  private Integer k8sResourceTotal;

  @JsonPropertyDescription("Number of resources excluded from the migration.")
  private Integer excludedK8SResourceTotal;

  @JsonPropertyDescription("Number of resources whose API version the destination cluster does not serve.")
  private Integer incompatibleK8SResourceTotal;

  @JsonPropertyDescription("Total capacity of the persistent volumes (a quantity, e.g. 10Gi).")
  private Quantity pvCapacity;

  @JsonPropertyDescription("Number of persistent volumes.")
  private Integer pvCount;

  @JsonPropertyDescription("Number of images.")
  private Integer imageCount;

  @JsonPropertyDescription("Total size of the images (a quantity, e.g. 10Gi).")
  private Quantity imageSizeTotal;

  @JsonPropertyDescription("The images (if listImages is set, up to listImagesLimit).")
  private List<AnalyticsImage> images;

  @JsonPropertyDescription("Number of resources per group, version and kind.")
  private List<AnalyticsResource> k8sResources;

  @JsonPropertyDescription("Capacity and usage per persistent volume claim.")
  private List<AnalyticsVolume> persistentVolumes;

  @JsonPropertyDescription("Excluded resources per group, version and kind.")
  private List<AnalyticsResource> excludedK8SResources;

  @JsonPropertyDescription("Resources the destination cluster does not serve, per group, version and kind.")
  private List<AnalyticsResource> incompatibleK8SResources;
}
