package dev.ferry.api.velero.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.UnknownFields;
import java.util.Map;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** Metadata carried in a Backup's spec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class BackupSpecMetadata extends UnknownFields {

  @JsonPropertyDescription("Labels.")
  private Map<String, String> labels;
}
