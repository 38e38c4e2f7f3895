package dev.ferry.api.migration.volumes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;

/** State of one data transfer attempt. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class RsyncPodStatus {

  @JsonPropertyDescription("Name of the transfer pod.")
  private String podName;

  @JsonPropertyDescription("Phase of the transfer pod: Pending, Running, Succeeded, Failed or Unknown.")
  private String phase;

  @JsonPropertyDescription("Exit code of the transfer, once it has terminated.")
  private Integer exitCode;

  @JsonPropertyDescription("Run time of the transfer, e.g. 1m30s.")
  private String containerElapsedTime;

  @JsonPropertyDescription("Last lines of the transfer's log.")
  private String logMessage;

  @JsonPropertyDescription("Progress of the transfer, e.g. 42%.")
  private String lastObservedProgressPercent;

  @JsonPropertyDescription("Transfer rate, e.g. 85.2MiB/s.")
  private String lastObservedTransferRate;

  @JsonPropertyDescription("When the transfer pod was created (RFC 3339).")
  private String creationTimestamp;
}
