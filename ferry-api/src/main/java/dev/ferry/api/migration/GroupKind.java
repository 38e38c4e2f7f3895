package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** An API group and kind. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GroupKind {

  @JsonPropertyDescription("API group; empty for the core group.")
  private String group;

  @JsonPropertyDescription("Kind, e.g. Deployment.")
  private String kind;

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    GroupKind that = (GroupKind) o;
    return Objects.equals(group, that.group)
        && Objects.equals(kind, that.kind);
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, kind);
  }
}
