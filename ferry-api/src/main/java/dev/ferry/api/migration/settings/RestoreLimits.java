package dev.ferry.api.migration.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.IntOrString;
import lombok.Data;

/**
 * Ferry: how much of a backup a restore reads. A backup is untrusted input; each ceiling, when
 * hit, fails the restore before anything is created and names itself. Unset or invalid values
 * mean the defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class RestoreLimits {

  @JsonPropertyDescription("Most bytes extracted from one backup tarball, a number or a quantity such as 4Gi. "
      + "Default 4Gi.")
  @JsonProperty("max_extracted_size")
  private IntOrString maxExtractedSize;

  @JsonPropertyDescription("Most entries in one backup tarball (two per backed-up object). Default 2000000.")
  @JsonProperty("max_entries")
  private Integer maxEntries;

  @JsonPropertyDescription("Largest single entry (one object's JSON), a number or a quantity such as 8Mi. "
      + "Default 8Mi.")
  @JsonProperty("max_item_size")
  private IntOrString maxItemSize;

  @JsonPropertyDescription("Deepest nesting of objects and arrays in one object's JSON. Default 256.")
  @JsonProperty("max_json_depth")
  private Integer maxJsonDepth;

  @JsonPropertyDescription("Longest JSON string in one object, in characters. Default 4194304.")
  @JsonProperty("max_string_length")
  private Integer maxStringLength;
}
