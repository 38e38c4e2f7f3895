package dev.ferry.api.migration.volumes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.ConditionedStatus;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** Observed state of a DirectVolumeMigration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
@ToString(callSuper = true)
public class DirectVolumeMigrationStatus extends ConditionedStatus {

  @JsonPropertyDescription("Digest of the spec the controller last reconciled.")
  private String observedDigest;

  @JsonPropertyDescription("When the migration started (RFC 3339).")
  private String startTimestamp;

  @JsonPropertyDescription("Human-readable description of the current phase.")
  private String phaseDescription;

  @JsonPropertyDescription("Current phase of the itinerary.")
  private String phase;

  @JsonPropertyDescription("Itinerary (sequence of phases) being followed.")
  private String itinerary;

  @JsonPropertyDescription("Errors that failed the migration.")
  private List<String> errors;

  @JsonPropertyDescription("Data transfers that succeeded.")
  private List<PodProgress> successfulPods;

  @JsonPropertyDescription("Data transfers that failed.")
  private List<PodProgress> failedPods;

  @JsonPropertyDescription("Data transfers that are running.")
  private List<PodProgress> runningPods;

  @JsonPropertyDescription("Data transfers that wait to start.")
  private List<PodProgress> pendingPods;

  @JsonPropertyDescription("Data transfers whose state is unknown.")
  private List<PodProgress> unknownPods;

  @JsonPropertyDescription("Data transfers pending for longer than the time limit (e.g. pods that cannot be "
      + "scheduled).")
  private List<PodProgress> pendingSinceTimeLimitPods;

  @JsonPropertyDescription("Live migrations of virtual machine volumes that succeeded.")
  private List<LiveMigrationProgress> successfulLiveMigration;

  @JsonPropertyDescription("Live migrations that are running.")
  private List<LiveMigrationProgress> runningLiveMigration;

  @JsonPropertyDescription("Live migrations that wait to start.")
  private List<LiveMigrationProgress> pendingLiveMigration;

  @JsonPropertyDescription("Live migrations that failed.")
  private List<LiveMigrationProgress> failedLiveMigration;

  @JsonPropertyDescription("Attempts of the data transfer of each claim.")
  private List<RsyncOperation> rsyncOperations;

  @JsonPropertyDescription("Volumes that were skipped, as namespace/name.")
  private List<String> skippedVolumes;
}
