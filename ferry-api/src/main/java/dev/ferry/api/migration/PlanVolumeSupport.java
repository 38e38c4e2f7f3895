package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** What a migration can do with a persistent volume. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlanVolumeSupport {

  @JsonPropertyDescription("Supported actions: copy, move (NFS and other shared remote volumes) and skip.")
  private List<PvAction> actions;

  @JsonPropertyDescription("Supported copy methods: filesystem, block (block-mode volumes) and snapshot.")
  private List<CopyMethod> copyMethods;

  public List<PvAction> getActions() {
    return actions;
  }

  public void setActions(List<PvAction> actions) {
    this.actions = actions;
  }

  public List<CopyMethod> getCopyMethods() {
    return copyMethods;
  }

  public void setCopyMethods(List<CopyMethod> copyMethods) {
    this.copyMethods = copyMethods;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    PlanVolumeSupport that = (PlanVolumeSupport) o;
    return Objects.equals(actions, that.actions)
        && Objects.equals(copyMethods, that.copyMethods);
  }

  @Override
  public int hashCode() {
    return Objects.hash(actions, copyMethods);
  }
}
