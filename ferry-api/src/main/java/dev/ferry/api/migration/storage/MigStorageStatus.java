package dev.ferry.api.migration.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.ConditionedStatus;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** Observed state of a MigStorage. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
@ToString(callSuper = true)
public class MigStorageStatus extends ConditionedStatus {

  @JsonPropertyDescription("Digest of the spec the controller last reconciled.")
  private String observedDigest;
}
