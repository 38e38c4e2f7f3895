package dev.ferry.api.velero.restore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.UnknownFields;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import java.util.List;
import java.util.Map;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** Init containers added to a restored pod. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class InitRestoreHook extends UnknownFields {

  @JsonPropertyDescription("The init containers, as in a pod spec.")
  @PreserveUnknownFields
  private List<Map<String, Object>> initContainers;

  @JsonPropertyDescription("How long to wait for the init containers, e.g. 1m.")
  private String timeout;
}
