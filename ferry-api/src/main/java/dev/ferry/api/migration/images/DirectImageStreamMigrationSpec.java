package dev.ferry.api.migration.images;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;
import lombok.Data;

/**
 * Desired state of a DirectImageStreamMigration: copy the images of one image stream straight from
 * the source cluster's registry to the destination cluster's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class DirectImageStreamMigrationSpec {

  @JsonPropertyDescription("Reference (name and namespace) to the MigCluster to migrate from.")
  private ObjectReference srcMigClusterRef;

  @JsonPropertyDescription("Reference (name and namespace) to the MigCluster to migrate to.")
  private ObjectReference destMigClusterRef;

  @JsonPropertyDescription("Reference (name and namespace on the source cluster) to the image stream.")
  private ObjectReference imageStreamRef;

  @JsonPropertyDescription("Namespace of the image stream on the destination cluster.")
  private String destNamespace;
}
