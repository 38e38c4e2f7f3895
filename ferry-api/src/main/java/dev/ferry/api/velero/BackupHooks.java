package dev.ferry.api.velero;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Nullable;
import java.util.List;
import java.util.Objects;

/** Hooks of a Backup. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackupHooks {

  @JsonPropertyDescription("Hooks, each with the pods it applies to.")
  @Nullable
  private List<BackupResourceHookSpec> resources;

  public List<BackupResourceHookSpec> getResources() {
    return resources;
  }

  public void setResources(List<BackupResourceHookSpec> resources) {
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
    BackupHooks that = (BackupHooks) o;
    return Objects.equals(resources, that.resources);
  }

  @Override
  public int hashCode() {
    return Objects.hash(resources);
  }
}
