package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** A namespace holding resources the destination cluster cannot serve. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IncompatibleNamespace {

  @JsonPropertyDescription("Name of the namespace.")
  private String name;

  @JsonPropertyDescription("The resources whose API group and version the destination cluster does not serve.")
  private List<IncompatibleGvk> gvks;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<IncompatibleGvk> getGvks() {
    return gvks;
  }

  public void setGvks(List<IncompatibleGvk> gvks) {
    this.gvks = gvks;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    IncompatibleNamespace that = (IncompatibleNamespace) o;
    return Objects.equals(name, that.name)
        && Objects.equals(gvks, that.gvks);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, gvks);
  }
}
