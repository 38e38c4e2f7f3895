package dev.ferry.api.migration.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.migration.hook.HookPhase;
import io.fabric8.kubernetes.api.model.ObjectReference;
import lombok.Data;

/** A MigHook attached to a plan, with the phase it runs in. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class MigPlanHook {

  @JsonPropertyDescription("Namespace in which the hook's job runs.")
  private String executionNamespace;

  @JsonPropertyDescription("Migration phase in which the hook runs: PreBackup, PostBackup, PreRestore or "
      + "PostRestore. A phase can have one hook.")
  private HookPhase phase;

  @JsonPropertyDescription("Reference (name and namespace) to the MigHook.")
  private ObjectReference reference;

  @JsonPropertyDescription("Service account the hook's job runs as, e.g. one with cluster-admin permissions.")
  private String serviceAccount;
}
