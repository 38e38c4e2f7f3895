package dev.ferry.api.velero.restore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.ResourceHookScope;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** Hooks that run in the pods a Restore restores. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
@ToString(callSuper = true)
public class RestoreResourceHookSpec extends ResourceHookScope {

  @JsonPropertyDescription("Name of the hook, used in logs.")
  @Required
  private String name;

  @JsonPropertyDescription("Hooks run after the pod is restored.")
  private List<RestoreResourceHook> postHooks;
}
