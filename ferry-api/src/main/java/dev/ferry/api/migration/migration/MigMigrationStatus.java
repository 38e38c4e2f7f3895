package dev.ferry.api.migration.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.ConditionedStatus;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** Observed state of a MigMigration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
@ToString(callSuper = true)
public class MigMigrationStatus extends ConditionedStatus {

  @JsonPropertyDescription("Namespaces whose migrated workloads are not healthy on the destination cluster "
      + "(verify).")
  private List<UnhealthyNamespace> namespaces;

  @JsonPropertyDescription("Digest of the spec the controller last reconciled.")
  private String observedDigest;

  @JsonPropertyDescription("When the migration started (RFC 3339).")
  private String startTimestamp;

  @JsonPropertyDescription("Current phase of the itinerary, e.g. Prepare, EnsureInitialBackup or Completed.")
  private String phase;

  @JsonPropertyDescription("Progress of the migration as coarse steps: Prepare, Backup, StageBackup, "
      + "StageRestore, DirectImage, DirectVolume, Restore, Cleanup and the hook steps.")
  private List<Step> pipeline;

  @JsonPropertyDescription("Itinerary being followed: Final (cutover), Stage, Rollback, Cancel or Failed.")
  private String itinerary;

  @JsonPropertyDescription("Errors that failed the migration.")
  private List<String> errors;
}
