package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.List;
import java.util.Objects;

/**
 * Desired state of a DirectVolumeMigration: copy persistent volume data straight from the source
 * cluster to the destination cluster.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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

  public ObjectReference getSrcMigClusterRef() {
    return srcMigClusterRef;
  }

  public void setSrcMigClusterRef(ObjectReference srcMigClusterRef) {
    this.srcMigClusterRef = srcMigClusterRef;
  }

  public ObjectReference getDestMigClusterRef() {
    return destMigClusterRef;
  }

  public void setDestMigClusterRef(ObjectReference destMigClusterRef) {
    this.destMigClusterRef = destMigClusterRef;
  }

  public List<PvcToMigrate> getPersistentVolumeClaims() {
    return persistentVolumeClaims;
  }

  public void setPersistentVolumeClaims(List<PvcToMigrate> persistentVolumeClaims) {
    this.persistentVolumeClaims = persistentVolumeClaims;
  }

  public Boolean getCreateDestinationNamespaces() {
    return createDestinationNamespaces;
  }

  public void setCreateDestinationNamespaces(Boolean createDestinationNamespaces) {
    this.createDestinationNamespaces = createDestinationNamespaces;
  }

  public Boolean getDeleteProgressReportingCRs() {
    return deleteProgressReportingCRs;
  }

  public void setDeleteProgressReportingCRs(Boolean deleteProgressReportingCRs) {
    this.deleteProgressReportingCRs = deleteProgressReportingCRs;
  }

  public Integer getBackOffLimit() {
    return backOffLimit;
  }

  public void setBackOffLimit(Integer backOffLimit) {
    this.backOffLimit = backOffLimit;
  }

  public Boolean getLiveMigrate() {
    return liveMigrate;
  }

  public void setLiveMigrate(Boolean liveMigrate) {
    this.liveMigrate = liveMigrate;
  }

  public DirectVolumeMigrationType getMigrationType() {
    return migrationType;
  }

  public void setMigrationType(DirectVolumeMigrationType migrationType) {
    this.migrationType = migrationType;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    DirectVolumeMigrationSpec that = (DirectVolumeMigrationSpec) o;
    return Objects.equals(srcMigClusterRef, that.srcMigClusterRef)
        && Objects.equals(destMigClusterRef, that.destMigClusterRef)
        && Objects.equals(persistentVolumeClaims, that.persistentVolumeClaims)
        && Objects.equals(createDestinationNamespaces, that.createDestinationNamespaces)
        && Objects.equals(deleteProgressReportingCRs, that.deleteProgressReportingCRs)
        && Objects.equals(backOffLimit, that.backOffLimit)
        && Objects.equals(liveMigrate, that.liveMigrate)
        && Objects.equals(migrationType, that.migrationType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(srcMigClusterRef, destMigClusterRef, persistentVolumeClaims,
        createDestinationNamespaces, deleteProgressReportingCRs, backOffLimit, liveMigrate, migrationType);
  }
}
