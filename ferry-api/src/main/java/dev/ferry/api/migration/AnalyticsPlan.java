package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Objects;

/** Data collected about a MigPlan. */
@JsonInclude(JsonInclude.Include.NON_NULL)
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

  public String getPlan() {
    return plan;
  }

  public void setPlan(String plan) {
    this.plan = plan;
  }

  public Integer getPercentComplete() {
    return percentComplete;
  }

  public void setPercentComplete(Integer percentComplete) {
    this.percentComplete = percentComplete;
  }

  public Integer getK8sResourceTotal() {
    return k8sResourceTotal;
  }

  public void setK8sResourceTotal(Integer k8sResourceTotal) {
    this.k8sResourceTotal = k8sResourceTotal;
  }

  public Integer getExcludedK8sResourceTotal() {
    return excludedK8sResourceTotal;
  }

  public void setExcludedK8sResourceTotal(Integer excludedK8sResourceTotal) {
    this.excludedK8sResourceTotal = excludedK8sResourceTotal;
  }

  public Integer getIncompatibleK8sResourceTotal() {
    return incompatibleK8sResourceTotal;
  }

  public void setIncompatibleK8sResourceTotal(Integer incompatibleK8sResourceTotal) {
    this.incompatibleK8sResourceTotal = incompatibleK8sResourceTotal;
  }

  public Quantity getPvCapacity() {
    return pvCapacity;
  }

  public void setPvCapacity(Quantity pvCapacity) {
    this.pvCapacity = pvCapacity;
  }

  public Integer getPvCount() {
    return pvCount;
  }

  public void setPvCount(Integer pvCount) {
    this.pvCount = pvCount;
  }

  public Integer getImageCount() {
    return imageCount;
  }

  public void setImageCount(Integer imageCount) {
    this.imageCount = imageCount;
  }

  public Quantity getImageSizeTotal() {
    return imageSizeTotal;
  }

  public void setImageSizeTotal(Quantity imageSizeTotal) {
    this.imageSizeTotal = imageSizeTotal;
  }

  public List<AnalyticsNamespace> getNamespaces() {
    return namespaces;
  }

  public void setNamespaces(List<AnalyticsNamespace> namespaces) {
    this.namespaces = namespaces;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    AnalyticsPlan that = (AnalyticsPlan) o;
    return Objects.equals(plan, that.plan)
        && Objects.equals(percentComplete, that.percentComplete)
        && Objects.equals(k8sResourceTotal, that.k8sResourceTotal)
        && Objects.equals(excludedK8sResourceTotal, that.excludedK8sResourceTotal)
        && Objects.equals(incompatibleK8sResourceTotal, that.incompatibleK8sResourceTotal)
        && Objects.equals(pvCapacity, that.pvCapacity)
        && Objects.equals(pvCount, that.pvCount)
        && Objects.equals(imageCount, that.imageCount)
        && Objects.equals(imageSizeTotal, that.imageSizeTotal)
        && Objects.equals(namespaces, that.namespaces);
  }

  @Override
  public int hashCode() {
    return Objects.hash(plan, percentComplete, k8sResourceTotal, excludedK8sResourceTotal,
        incompatibleK8sResourceTotal, pvCapacity, pvCount, imageCount, imageSizeTotal, namespaces);
  }
}
