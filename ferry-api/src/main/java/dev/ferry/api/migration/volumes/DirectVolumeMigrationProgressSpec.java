package dev.ferry.api.migration.volumes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Map;
import lombok.Data;

/** Desired state of a DirectVolumeMigrationProgress: which data transfer to watch. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class DirectVolumeMigrationProgressSpec {

  @JsonPropertyDescription("Reference (name and namespace) to the MigCluster on which the transfer runs.")
  private ObjectReference clusterRef;

  @JsonPropertyDescription("Reference (name and namespace) to the data transfer (Rsync) pod.")
  private ObjectReference podRef;

  @JsonPropertyDescription("Namespace of the transfer pods, when they are found by podSelector.")
  private String podNamespace;

  @JsonPropertyDescription("Labels of the transfer pods (all attempts of one transfer).")
  private Map<String, String> podSelector;

  @JsonPropertyDescription("Ferry: reference to the persistent volume claim being copied; used when the transfer "
      + "runs inside the controller rather than in a pod.")
  private ObjectReference pvcRef;
}
