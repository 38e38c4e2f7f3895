package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** An API resource the destination cluster does not serve. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IncompatibleGvk {

  @JsonPropertyDescription("API group of the resource.")
  private String group;

  @JsonPropertyDescription("API version of the resource.")
  private String version;

  @JsonPropertyDescription("The resource (plural name, e.g. cronjobs); called kind for compatibility with MTC.")
  private String kind;

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
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
    IncompatibleGvk that = (IncompatibleGvk) o;
    return Objects.equals(group, that.group)
        && Objects.equals(version, that.version)
        && Objects.equals(kind, that.kind);
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, version, kind);
  }
}
