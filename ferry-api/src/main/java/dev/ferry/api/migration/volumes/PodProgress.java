package dev.ferry.api.migration.volumes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.InlineObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReference;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** Progress of the data transfer of one claim (the transfer pod's reference is inlined). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
@ToString(callSuper = true)
public class PodProgress extends InlineObjectReference {

  @JsonPropertyDescription("Reference to the persistent volume claim being copied.")
  private ObjectReference pvcRef;

  @JsonPropertyDescription("Last observed progress, e.g. 42%.")
  private String lastObservedProgressPercent;

  @JsonPropertyDescription("Last observed transfer rate, e.g. 85.2MiB/s.")
  private String lastObservedTransferRate;

  @JsonPropertyDescription("Time spent, as a duration such as 1m30s.")
  private String totalElapsedTime;

  @JsonPropertyDescription("Ferry: progress over all attempts, e.g. 42%.")
  private String totalProgressPercentage;

  @JsonPropertyDescription("Ferry: last message of the transfer.")
  private String message;
}
