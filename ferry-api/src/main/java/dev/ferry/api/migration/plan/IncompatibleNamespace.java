package dev.ferry.api.migration.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import lombok.Data;

/** A namespace holding resources the destination cluster cannot serve. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class IncompatibleNamespace {

  @JsonPropertyDescription("Name of the namespace.")
  private String name;

  @JsonPropertyDescription("The resources whose API group and version the destination cluster does not serve.")
  private List<IncompatibleGvk> gvks;
}
