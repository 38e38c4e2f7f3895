package dev.ferry.api.velero.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.UnknownFields;
import io.fabric8.generator.annotation.Nullable;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** Hooks of a Backup. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class BackupHooks extends UnknownFields {

  @JsonPropertyDescription("Hooks, each with the pods it applies to.")
  @Nullable
  private List<BackupResourceHookSpec> resources;
}
