package dev.ferry.api.velero;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Nullable;
import java.util.List;
import java.util.Objects;

/** Resources whose status a Restore restores. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RestoreStatusSpec {

  @JsonPropertyDescription("Resources whose status is restored (* for all).")
  @Nullable
  private List<String> includedResources;

  @JsonPropertyDescription("Resources whose status is not restored.")
  @Nullable
  private List<String> excludedResources;

  public List<String> getIncludedResources() {
    return includedResources;
  }

  public void setIncludedResources(List<String> includedResources) {
    this.includedResources = includedResources;
  }

  public List<String> getExcludedResources() {
    return excludedResources;
  }

  public void setExcludedResources(List<String> excludedResources) {
    this.excludedResources = excludedResources;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    RestoreStatusSpec that = (RestoreStatusSpec) o;
    return Objects.equals(includedResources, that.includedResources)
        && Objects.equals(excludedResources, that.excludedResources);
  }

  @Override
  public int hashCode() {
    return Objects.hash(includedResources, excludedResources);
  }
}
