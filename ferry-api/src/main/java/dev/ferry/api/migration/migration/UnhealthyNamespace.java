package dev.ferry.api.migration.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import lombok.Data;

/** A namespace with unhealthy workloads. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class UnhealthyNamespace {

  @JsonPropertyDescription("Name of the namespace.")
  private String name;

  @JsonPropertyDescription("The unhealthy workloads.")
  private List<Workload> workloads;
}
