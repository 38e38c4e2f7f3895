package dev.ferry.api.velero;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** Hooks of a Restore. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class RestoreHooks extends UnknownFields {

  @JsonPropertyDescription("Hooks, each with the pods it applies to.")
  private List<RestoreResourceHookSpec> resources;
}
