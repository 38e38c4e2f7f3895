package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** A namespace with unhealthy workloads. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UnhealthyNamespace {

  @JsonPropertyDescription("Name of the namespace.")
  private String name;

  @JsonPropertyDescription("The unhealthy workloads.")
  private List<Workload> workloads;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<Workload> getWorkloads() {
    return workloads;
  }

  public void setWorkloads(List<Workload> workloads) {
    this.workloads = workloads;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    UnhealthyNamespace that = (UnhealthyNamespace) o;
    return Objects.equals(name, that.name)
        && Objects.equals(workloads, that.workloads);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, workloads);
  }
}
