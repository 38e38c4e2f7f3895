package dev.ferry.api.migration.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;

/** Number of resources of one group, version and kind. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class AnalyticsResource {

  @JsonPropertyDescription("API group.")
  private String group;

  @JsonPropertyDescription("API version.")
  private String version;

  @JsonPropertyDescription("Kind.")
  private String kind;

  @JsonPropertyDescription("Number of resources.")
  private Integer count;
}
