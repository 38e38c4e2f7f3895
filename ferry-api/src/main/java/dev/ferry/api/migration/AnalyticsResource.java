package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Number of resources of one group, version and kind. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AnalyticsResource {

  @JsonPropertyDescription("API group.")
  private String group;

  @JsonPropertyDescription("API version.")
  private String version;

  @JsonPropertyDescription("Kind.")
  private String kind;

  @JsonPropertyDescription("Number of resources.")
  private Integer count;

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

  public Integer getCount() {
    return count;
  }

  public void setCount(Integer count) {
    this.count = count;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    AnalyticsResource that = (AnalyticsResource) o;
    return Objects.equals(group, that.group)
        && Objects.equals(version, that.version)
        && Objects.equals(kind, that.kind)
        && Objects.equals(count, that.count);
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, version, kind, count);
  }
}
