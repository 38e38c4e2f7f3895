package dev.ferry.api.velero.restore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.HookStatus;
import dev.ferry.api.velero.UnknownFields;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;

/**
 * Observed state of a Restore. Every field of Velero 1.18's RestoreStatus, and the two volume
 * restore error lists older Velero versions (and MTC) report.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class RestoreStatus extends UnknownFields {

  @JsonPropertyDescription("Phase of the restore.")
  private RestorePhase phase;

  @JsonPropertyDescription("Problems found in the spec; the restore is not run when there are any.")
  @Nullable
  private List<String> validationErrors;

  @JsonPropertyDescription("Number of warnings; they do not change the phase.")
  private Integer warnings;

  @JsonPropertyDescription("Number of errors; any error makes the restore PartiallyFailed.")
  private Integer errors;

  @JsonPropertyDescription("Why the restore failed, when it failed as a whole.")
  private String failureReason;

  @JsonPropertyDescription("When the restore started (RFC 3339).")
  @Nullable
  private String startTimestamp;

  @JsonPropertyDescription("When the restore completed (RFC 3339).")
  @Nullable
  private String completionTimestamp;

  @JsonPropertyDescription("Number of items to restore and restored so far.")
  @Nullable
  private RestoreProgress progress;

  @JsonPropertyDescription("Number of asynchronous restore item operations started.")
  private Integer restoreItemOperationsAttempted;

  @JsonPropertyDescription("Number of asynchronous restore item operations completed.")
  private Integer restoreItemOperationsCompleted;

  @JsonPropertyDescription("Number of asynchronous restore item operations that failed.")
  private Integer restoreItemOperationsFailed;

  @JsonPropertyDescription("Counts of the hooks run.")
  @Nullable
  private HookStatus hookStatus;

  @JsonPropertyDescription("Volume restores (PodVolumeRestores) that failed.")
  private List<ObjectReference> podVolumeRestoreErrors;

  @JsonPropertyDescription("Volume restores (PodVolumeRestores) whose repository restore reported errors, such "
      + "as verification errors.")
  private List<ObjectReference> podVolumeRestoreResticErrors;
}
