package dev.ferry.api.migration.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import lombok.Data;

/** An unhealthy workload and its unhealthy resources. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class Workload {

  @JsonPropertyDescription("Kind and name of the workload, e.g. deployment/web.")
  private String name;

  @JsonPropertyDescription("The workload's unhealthy resources, e.g. pod/web-1.")
  private List<String> resources;
}
