package dev.ferry.api.migration.volumes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.List;
import lombok.Data;

/**
 * Desired state of a DirectVolumeMigration: copy persistent volume data straight from the source
 * cluster to the destination cluster.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class DirectVolumeMigrationSpec {

  @JsonPropertyDescription("Reference (name and namespace) to the MigCluster to migrate from.")
  private ObjectReference srcMigClusterRef;

  @JsonPropertyDescription("Reference (name and namespace) to the MigCluster to migrate to; the host cluster "
      + "unless the destination is a remote cluster.")
  private ObjectReference destMigClusterRef;

  @JsonPropertyDescription("The persistent volume claims whose data is migrated.")
  private List<PvcToMigrate> persistentVolumeClaims;

  @JsonPropertyDescription("Set to true to create the namespaces of the claims on the destination cluster.")
  @Default("false")
  private Boolean createDestinationNamespaces;

  @JsonPropertyDescription("Set to true to delete the DirectVolumeMigrationProgress resources after the "
      + "migration. Default false, so that they are kept for troubleshooting.")
  @Default("false")
  private Boolean deleteProgressReportingCRs;

  @JsonPropertyDescription("How many times a failed data transfer is retried.")
  private Integer backOffLimit;

  @JsonPropertyDescription("If true, the volumes of running virtual machines are live-migrated instead of copied "
      + "offline.")
  private Boolean liveMigrate;

  @JsonPropertyDescription("Kind of migration this copy is part of: Stage, CutOver or Rollback.")
  private DirectVolumeMigrationType migrationType;
}
