package dev.ferry.api.velero;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Observed state of a VolumeSnapshotLocation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VolumeSnapshotLocationStatus {

  @JsonPropertyDescription("Whether the location is usable: Available or Unavailable.")
  private VolumeSnapshotLocationPhase phase;

  public VolumeSnapshotLocationPhase getPhase() {
    return phase;
  }

  public void setPhase(VolumeSnapshotLocationPhase phase) {
    this.phase = phase;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    VolumeSnapshotLocationStatus that = (VolumeSnapshotLocationStatus) o;
    return Objects.equals(phase, that.phase);
  }

  @Override
  public int hashCode() {
    return Objects.hash(phase);
  }
}
