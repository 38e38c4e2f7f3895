package dev.ferry.api.migration.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import lombok.Data;

/** Access modes supported for one volume mode. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class VolumeAccessModes {

  @JsonPropertyDescription("Volume mode: Filesystem or Block.")
  private String volumeMode;

  @JsonPropertyDescription("Access modes, e.g. ReadWriteOnce, ReadWriteMany.")
  private List<String> accessModes;
}
