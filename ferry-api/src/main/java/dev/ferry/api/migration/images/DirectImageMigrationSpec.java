package dev.ferry.api.migration.images;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.List;
import lombok.Data;

/**
 * Desired state of a DirectImageMigration: copy the images of namespaces' image streams straight
 * from the source cluster's registry to the destination cluster's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class DirectImageMigrationSpec {

  @JsonPropertyDescription("Reference (name and namespace) to the MigCluster to migrate from.")
  private ObjectReference srcMigClusterRef;

  @JsonPropertyDescription("Reference (name and namespace) to the MigCluster to migrate to.")
  private ObjectReference destMigClusterRef;

  @JsonPropertyDescription("Namespaces whose images are migrated. An entry is either src (the destination "
      + "namespace has the same name) or src:dest (mapped to the differently named namespace "
      + "dest).")
  private List<String> namespaces;

  @JsonPropertyDescription("Optional: migrate only the image streams whose labels match.")
  private LabelSelector labelSelector;
}
