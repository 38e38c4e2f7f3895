package dev.ferry.api.migration.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import lombok.Data;

/** One step of a migration's pipeline. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class Step {

  @JsonPropertyDescription("Name of the step, e.g. Backup or DirectVolume.")
  private String name;

  @JsonPropertyDescription("Phase of the itinerary running in this step.")
  private String phase;

  @JsonPropertyDescription("What the step does or is doing.")
  private String message;

  @JsonPropertyDescription("Progress messages, one per item being processed (a backup, a volume, ...).")
  private List<String> progress;

  @JsonPropertyDescription("When the step started (RFC 3339).")
  private String started;

  @JsonPropertyDescription("When the step completed (RFC 3339).")
  private String completed;

  @JsonPropertyDescription("True if the step failed.")
  private Boolean failed;

  @JsonPropertyDescription("True if the step was skipped.")
  private Boolean skipped;

  @JsonPropertyDescription("Ferry: bytes the step has transferred so far.")
  private Long bytesDone;

  @JsonPropertyDescription("Ferry: bytes the step has to transfer in total.")
  private Long bytesTotal;

  @JsonPropertyDescription("Ferry: current transfer rate, e.g. 85.2 MiB/s.")
  private String rate;

  @JsonPropertyDescription("Ferry: estimated time until the step completes, e.g. 4m10s.")
  private String eta;

  @JsonPropertyDescription("Ferry: objects the step has processed so far (backed up or restored).")
  private Long itemsDone;

  @JsonPropertyDescription("Ferry: objects the step has to process in total (an estimate while a backup lists them).")
  private Long itemsTotal;
}
