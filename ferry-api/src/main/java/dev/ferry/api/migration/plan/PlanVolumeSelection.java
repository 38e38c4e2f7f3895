package dev.ferry.api.migration.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;

/** The choices made for migrating a persistent volume. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class PlanVolumeSelection {

  @JsonPropertyDescription("What to do with the volume: copy, move or skip.")
  private PvAction action;

  @JsonPropertyDescription("Storage class of the destination volume.")
  private String storageClass;

  @JsonPropertyDescription("Access mode of the destination volume, e.g. ReadWriteOnce.")
  private String accessMode;

  @JsonPropertyDescription("How the data is copied: filesystem, block or snapshot.")
  private CopyMethod copyMethod;

  @JsonPropertyDescription("If true, the size, mode, owner, times and content hash of every copied file are "
      + "checked after the copy; a mismatch fails the migration.")
  private Boolean verify;
}
