package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Objects;

/** Desired state of a MigAnalytic: which data to collect about a MigPlan. */
@JsonInclude(JsonInclude.Include.NON_NULL)
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

  public ObjectReference getMigPlanRef() {
    return migPlanRef;
  }

  public void setMigPlanRef(ObjectReference migPlanRef) {
    this.migPlanRef = migPlanRef;
  }

  public Boolean getAnalyzeImageCount() {
    return analyzeImageCount;
  }

  public void setAnalyzeImageCount(Boolean analyzeImageCount) {
    this.analyzeImageCount = analyzeImageCount;
  }

  public Boolean getAnalyzeK8SResources() {
    return analyzeK8SResources;
  }

  public void setAnalyzeK8SResources(Boolean analyzeK8SResources) {
    this.analyzeK8SResources = analyzeK8SResources;
  }

  public Boolean getAnalyzePVCapacity() {
    return analyzePVCapacity;
  }

  public void setAnalyzePVCapacity(Boolean analyzePVCapacity) {
    this.analyzePVCapacity = analyzePVCapacity;
  }

  public Boolean getAnalyzeExtendedPVCapacity() {
    return analyzeExtendedPVCapacity;
  }

  public void setAnalyzeExtendedPVCapacity(Boolean analyzeExtendedPVCapacity) {
    this.analyzeExtendedPVCapacity = analyzeExtendedPVCapacity;
  }

  public Boolean getListImages() {
    return listImages;
  }

  public void setListImages(Boolean listImages) {
    this.listImages = listImages;
  }

  public Integer getListImagesLimit() {
    return listImagesLimit;
  }

  public void setListImagesLimit(Integer listImagesLimit) {
    this.listImagesLimit = listImagesLimit;
  }

  public Boolean getRefresh() {
    return refresh;
  }

  public void setRefresh(Boolean refresh) {
    this.refresh = refresh;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    MigAnalyticSpec that = (MigAnalyticSpec) o;
    return Objects.equals(migPlanRef, that.migPlanRef)
        && Objects.equals(analyzeImageCount, that.analyzeImageCount)
        && Objects.equals(analyzeK8SResources, that.analyzeK8SResources)
        && Objects.equals(analyzePVCapacity, that.analyzePVCapacity)
        && Objects.equals(analyzeExtendedPVCapacity, that.analyzeExtendedPVCapacity)
        && Objects.equals(listImages, that.listImages)
        && Objects.equals(listImagesLimit, that.listImagesLimit)
        && Objects.equals(refresh, that.refresh);
  }

  @Override
  public int hashCode() {
    return Objects.hash(migPlanRef, analyzeImageCount, analyzeK8SResources, analyzePVCapacity,
        analyzeExtendedPVCapacity, listImages, listImagesLimit, refresh);
  }
}
