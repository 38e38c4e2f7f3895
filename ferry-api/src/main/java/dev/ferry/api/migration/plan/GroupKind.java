package dev.ferry.api.migration.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;

/** An API group and kind. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class GroupKind {

  @JsonPropertyDescription("API group; empty for the core group.")
  private String group;

  @JsonPropertyDescription("Kind, e.g. Deployment.")
  private String kind;
}
