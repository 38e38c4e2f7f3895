package dev.ferry.api.velero.restore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.UnknownFields;
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
