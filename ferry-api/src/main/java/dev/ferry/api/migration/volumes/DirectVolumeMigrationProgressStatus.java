package dev.ferry.api.migration.volumes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.ConditionedStatus;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/**
 * Observed progress of a data transfer. The fields of the most recent attempt are inlined;
 * rsyncPodStatuses holds the history of all attempts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
@ToString(callSuper = true)
public class DirectVolumeMigrationProgressStatus extends ConditionedStatus {

  @JsonPropertyDescription("Name of the most recent transfer pod.")
  private String podName;

  @JsonPropertyDescription("Phase of the most recent transfer pod: Pending, Running, Succeeded, Failed or "
      + "Unknown.")
  private String phase;

  @JsonPropertyDescription("Exit code of the most recent transfer, once it has terminated.")
  private Integer exitCode;

  @JsonPropertyDescription("Run time of the most recent transfer, e.g. 1m30s.")
  private String containerElapsedTime;

  @JsonPropertyDescription("Last lines of the log of the most recent transfer.")
  private String logMessage;

  @JsonPropertyDescription("Progress of the most recent transfer, e.g. 42%.")
  private String lastObservedProgressPercent;

  @JsonPropertyDescription("Transfer rate of the most recent transfer, e.g. 85.2MiB/s.")
  private String lastObservedTransferRate;

  @JsonPropertyDescription("When the most recent transfer pod was created (RFC 3339).")
  private String creationTimestamp;

  @JsonPropertyDescription("History of all transfer attempts.")
  private List<RsyncPodStatus> rsyncPodStatuses;

  @JsonPropertyDescription("Total time spent over all attempts, e.g. 5m2s.")
  private String rsyncElapsedTime;

  @JsonPropertyDescription("Progress over all attempts, e.g. 42%.")
  private String totalProgressPercentage;

  @JsonPropertyDescription("Digest of the spec the controller last reconciled.")
  private String observedDigest;
}
