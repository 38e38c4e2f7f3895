package dev.ferry.api.migration.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Quantity;
import lombok.Data;

/** An image referenced by a namespace's image streams. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class AnalyticsImage {

  @JsonPropertyDescription("Name of the image.")
  private String name;

  @JsonPropertyDescription("Pull reference of the image.")
  private String reference;

  @JsonPropertyDescription("Size of the image (a quantity, e.g. 10Gi).")
  private Quantity size;
}
