package dev.ferry.api.velero.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.UnknownFields;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** Observed state of a VolumeSnapshotLocation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class VolumeSnapshotLocationStatus extends UnknownFields {

  @JsonPropertyDescription("Whether the location is usable: Available or Unavailable.")
  private VolumeSnapshotLocationPhase phase;
}
