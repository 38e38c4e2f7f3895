package dev.ferry.api.migration.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import lombok.Data;

/** What a migration can do with a persistent volume. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class PlanVolumeSupport {

  @JsonPropertyDescription("Supported actions: copy, move (NFS and other shared remote volumes) and skip.")
  private List<PvAction> actions;

  @JsonPropertyDescription("Supported copy methods: filesystem, block (block-mode volumes) and snapshot.")
  private List<CopyMethod> copyMethods;
}
