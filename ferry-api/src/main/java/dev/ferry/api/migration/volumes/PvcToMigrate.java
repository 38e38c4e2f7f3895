package dev.ferry.api.migration.volumes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.InlineObjectReference;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/**
 * A persistent volume claim whose data a DirectVolumeMigration copies (its reference is inlined).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
@ToString(callSuper = true)
public class PvcToMigrate extends InlineObjectReference {

  @JsonPropertyDescription("Name of the claim on the destination cluster; the same name when unset.")
  private String targetName;

  @JsonPropertyDescription("Namespace of the claim on the destination cluster; the same namespace when unset.")
  private String targetNamespace;

  @JsonPropertyDescription("Storage class of the claim on the destination cluster.")
  private String targetStorageClass;

  @JsonPropertyDescription("Access modes of the claim on the destination cluster.")
  private List<String> targetAccessModes;

  @JsonPropertyDescription("Volume mode of the claim on the destination cluster: Filesystem or Block.")
  private String targetVolumeMode;

  @JsonPropertyDescription("If true, the integrity of the copied data is checked after the copy.")
  private Boolean verify;
}
