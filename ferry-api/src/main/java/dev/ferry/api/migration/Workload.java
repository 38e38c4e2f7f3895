package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** An unhealthy workload and its unhealthy resources. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Workload {

  @JsonPropertyDescription("Kind and name of the workload, e.g. deployment/web.")
  private String name;

  @JsonPropertyDescription("The workload's unhealthy resources, e.g. pod/web-1.")
  private List<String> resources;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<String> getResources() {
    return resources;
  }

  public void setResources(List<String> resources) {
    this.resources = resources;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    Workload that = (Workload) o;
    return Objects.equals(name, that.name)
        && Objects.equals(resources, that.resources);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, resources);
  }
}
