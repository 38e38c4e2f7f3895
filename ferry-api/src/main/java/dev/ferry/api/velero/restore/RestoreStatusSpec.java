package dev.ferry.api.velero.restore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.UnknownFields;
import io.fabric8.generator.annotation.Nullable;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** Resources whose status a Restore restores. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class RestoreStatusSpec extends UnknownFields {

  @JsonPropertyDescription("Resources whose status is restored (* for all).")
  @Nullable
  private List<String> includedResources;

  @JsonPropertyDescription("Resources whose status is not restored.")
  @Nullable
  private List<String> excludedResources;
}
