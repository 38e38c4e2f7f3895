package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Objects;

/** Capacity and usage of one persistent volume claim. */
@JsonInclude(JsonInclude.Include.NON_NULL)
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

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Quantity getRequestedCapacity() {
    return requestedCapacity;
  }

  public void setRequestedCapacity(Quantity requestedCapacity) {
    this.requestedCapacity = requestedCapacity;
  }

  public Quantity getActualCapacity() {
    return actualCapacity;
  }

  public void setActualCapacity(Quantity actualCapacity) {
    this.actualCapacity = actualCapacity;
  }

  public Integer getUsagePercentage() {
    return usagePercentage;
  }

  public void setUsagePercentage(Integer usagePercentage) {
    this.usagePercentage = usagePercentage;
  }

  public Quantity getProposedCapacity() {
    return proposedCapacity;
  }

  public void setProposedCapacity(Quantity proposedCapacity) {
    this.proposedCapacity = proposedCapacity;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }

  public Boolean getSparseFilesFound() {
    return sparseFilesFound;
  }

  public void setSparseFilesFound(Boolean sparseFilesFound) {
    this.sparseFilesFound = sparseFilesFound;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    AnalyticsVolume that = (AnalyticsVolume) o;
    return Objects.equals(name, that.name)
        && Objects.equals(requestedCapacity, that.requestedCapacity)
        && Objects.equals(actualCapacity, that.actualCapacity)
        && Objects.equals(usagePercentage, that.usagePercentage)
        && Objects.equals(proposedCapacity, that.proposedCapacity)
        && Objects.equals(comment, that.comment)
        && Objects.equals(sparseFilesFound, that.sparseFilesFound);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, requestedCapacity, actualCapacity, usagePercentage, proposedCapacity, comment,
        sparseFilesFound);
  }
}
