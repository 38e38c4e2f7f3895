package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Objects;

/** An image referenced by a namespace's image streams. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AnalyticsImage {

  @JsonPropertyDescription("Name of the image.")
  private String name;

  @JsonPropertyDescription("Pull reference of the image.")
  private String reference;

  @JsonPropertyDescription("Size of the image (a quantity, e.g. 10Gi).")
  private Quantity size;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getReference() {
    return reference;
  }

  public void setReference(String reference) {
    this.reference = reference;
  }

  public Quantity getSize() {
    return size;
  }

  public void setSize(Quantity size) {
    this.size = size;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    AnalyticsImage that = (AnalyticsImage) o;
    return Objects.equals(name, that.name)
        && Objects.equals(reference, that.reference)
        && Objects.equals(size, that.size);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, reference, size);
  }
}
