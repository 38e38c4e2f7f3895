package dev.ferry.api.migration.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;

/** An API resource the destination cluster does not serve. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class IncompatibleGvk {

  @JsonPropertyDescription("API group of the resource.")
  private String group;

  @JsonPropertyDescription("API version of the resource.")
  private String version;

  @JsonPropertyDescription("The resource (plural name, e.g. cronjobs); called kind for compatibility with MTC.")
  private String kind;
}
