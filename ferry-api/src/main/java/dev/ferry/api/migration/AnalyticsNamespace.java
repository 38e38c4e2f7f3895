package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Objects;

/** Data collected about one namespace of a MigPlan. */
@JsonInclude(JsonInclude.Include.NON_NULL)
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

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public Integer getK8sResourceTotal() {
    return k8sResourceTotal;
  }

  public void setK8sResourceTotal(Integer k8sResourceTotal) {
    this.k8sResourceTotal = k8sResourceTotal;
  }

  public Integer getExcludedK8SResourceTotal() {
    return excludedK8SResourceTotal;
  }

  public void setExcludedK8SResourceTotal(Integer excludedK8SResourceTotal) {
    this.excludedK8SResourceTotal = excludedK8SResourceTotal;
  }

  public Integer getIncompatibleK8SResourceTotal() {
    return incompatibleK8SResourceTotal;
  }

  public void setIncompatibleK8SResourceTotal(Integer incompatibleK8SResourceTotal) {
    this.incompatibleK8SResourceTotal = incompatibleK8SResourceTotal;
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

  public List<AnalyticsImage> getImages() {
    return images;
  }

  public void setImages(List<AnalyticsImage> images) {
    this.images = images;
  }

  public List<AnalyticsResource> getK8sResources() {
    return k8sResources;
  }

  public void setK8sResources(List<AnalyticsResource> k8sResources) {
    this.k8sResources = k8sResources;
  }

  public List<AnalyticsVolume> getPersistentVolumes() {
    return persistentVolumes;
  }

  public void setPersistentVolumes(List<AnalyticsVolume> persistentVolumes) {
    this.persistentVolumes = persistentVolumes;
  }

  public List<AnalyticsResource> getExcludedK8SResources() {
    return excludedK8SResources;
  }

  public void setExcludedK8SResources(List<AnalyticsResource> excludedK8SResources) {
    this.excludedK8SResources = excludedK8SResources;
  }

  public List<AnalyticsResource> getIncompatibleK8SResources() {
    return incompatibleK8SResources;
  }

  public void setIncompatibleK8SResources(List<AnalyticsResource> incompatibleK8SResources) {
    this.incompatibleK8SResources = incompatibleK8SResources;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    AnalyticsNamespace that = (AnalyticsNamespace) o;
    return Objects.equals(namespace, that.namespace)
        && Objects.equals(k8sResourceTotal, that.k8sResourceTotal)
        && Objects.equals(excludedK8SResourceTotal, that.excludedK8SResourceTotal)
        && Objects.equals(incompatibleK8SResourceTotal, that.incompatibleK8SResourceTotal)
        && Objects.equals(pvCapacity, that.pvCapacity)
        && Objects.equals(pvCount, that.pvCount)
        && Objects.equals(imageCount, that.imageCount)
        && Objects.equals(imageSizeTotal, that.imageSizeTotal)
        && Objects.equals(images, that.images)
        && Objects.equals(k8sResources, that.k8sResources)
        && Objects.equals(persistentVolumes, that.persistentVolumes)
        && Objects.equals(excludedK8SResources, that.excludedK8SResources)
        && Objects.equals(incompatibleK8SResources, that.incompatibleK8SResources);
  }

  @Override
  public int hashCode() {
    return Objects.hash(namespace, k8sResourceTotal, excludedK8SResourceTotal, incompatibleK8SResourceTotal,
        pvCapacity, pvCount, imageCount, imageSizeTotal, images, k8sResources, persistentVolumes,
        excludedK8SResources, incompatibleK8SResources);
  }
}
