package dev.ferry.api.velero.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.UnknownFields;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.util.Map;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** Desired state of a VolumeSnapshotLocation: where volume snapshots are taken. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class VolumeSnapshotLocationSpec extends UnknownFields {

  @JsonPropertyDescription("Snapshot provider, e.g. aws, azure or gcp.")
  @Required
  private String provider;

  @JsonPropertyDescription("Provider-specific settings, e.g. region.")
  private Map<String, String> config;

  @JsonPropertyDescription("Key of a Secret holding the provider's credentials.")
  private SecretKeySelector credential;
}
