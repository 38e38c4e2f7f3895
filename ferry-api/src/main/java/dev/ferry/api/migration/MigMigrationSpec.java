package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Objects;

/** Desired state of a MigMigration: one run of a MigPlan. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MigMigrationSpec {

  @JsonPropertyDescription("Reference (name and namespace) to the MigPlan to run.")
  private ObjectReference migPlanRef;

  @JsonPropertyDescription("Set to true to cancel a running migration: the running phase stops, temporary "
      + "resources are removed and the source applications are started again.")
  private Boolean canceled;

  @JsonPropertyDescription("Set to true to roll back a completed migration: what the plan migrated is deleted "
      + "from the destination cluster and the source applications are scaled back up. Set it "
      + "when creating the MigMigration.")
  private Boolean rollback;

  @JsonPropertyDescription("Set to true to run a stage migration: data is copied incrementally and the pods on "
      + "the source cluster are not stopped.")
  private Boolean stage;

  @JsonPropertyDescription("Set to true to stop the applications during the migration: after the Backup phase "
      + "the pods on the source cluster are scaled to 0.")
  private Boolean quiescePods;

  @JsonPropertyDescription("Set to true to keep the labels and annotations applied during the migration.")
  private Boolean keepAnnotations;

  @JsonPropertyDescription("Set to true to check the migrated pods on the destination cluster and report the "
      + "names of those not in the Running state.")
  private Boolean verify;

  @JsonPropertyDescription("Set to true to migrate only persistent volume data (state), no other resources.")
  private Boolean migrateState;

  @JsonPropertyDescription("If true, the data transfer pods run privileged, as root; takes precedence over "
      + "runAsUser and runAsGroup.")
  private Boolean runAsRoot;

  @JsonPropertyDescription("User ID the data transfer pods run as; must be in the namespace's allowed UID range.")
  private Long runAsUser;

  @JsonPropertyDescription("Group ID the data transfer pods run as; must be in the namespace's allowed GID "
      + "range.")
  private Long runAsGroup;

  public ObjectReference getMigPlanRef() {
    return migPlanRef;
  }

  public void setMigPlanRef(ObjectReference migPlanRef) {
    this.migPlanRef = migPlanRef;
  }

  public Boolean getCanceled() {
    return canceled;
  }

  public void setCanceled(Boolean canceled) {
    this.canceled = canceled;
  }

  public Boolean getRollback() {
    return rollback;
  }

  public void setRollback(Boolean rollback) {
    this.rollback = rollback;
  }

  public Boolean getStage() {
    return stage;
  }

  public void setStage(Boolean stage) {
    this.stage = stage;
  }

  public Boolean getQuiescePods() {
    return quiescePods;
  }

  public void setQuiescePods(Boolean quiescePods) {
    this.quiescePods = quiescePods;
  }

  public Boolean getKeepAnnotations() {
    return keepAnnotations;
  }

  public void setKeepAnnotations(Boolean keepAnnotations) {
    this.keepAnnotations = keepAnnotations;
  }

  public Boolean getVerify() {
    return verify;
  }

  public void setVerify(Boolean verify) {
    this.verify = verify;
  }

  public Boolean getMigrateState() {
    return migrateState;
  }

  public void setMigrateState(Boolean migrateState) {
    this.migrateState = migrateState;
  }

  public Boolean getRunAsRoot() {
    return runAsRoot;
  }

  public void setRunAsRoot(Boolean runAsRoot) {
    this.runAsRoot = runAsRoot;
  }

  public Long getRunAsUser() {
    return runAsUser;
  }

  public void setRunAsUser(Long runAsUser) {
    this.runAsUser = runAsUser;
  }

  public Long getRunAsGroup() {
    return runAsGroup;
  }

  public void setRunAsGroup(Long runAsGroup) {
    this.runAsGroup = runAsGroup;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    MigMigrationSpec that = (MigMigrationSpec) o;
    return Objects.equals(migPlanRef, that.migPlanRef)
        && Objects.equals(canceled, that.canceled)
        && Objects.equals(rollback, that.rollback)
        && Objects.equals(stage, that.stage)
        && Objects.equals(quiescePods, that.quiescePods)
        && Objects.equals(keepAnnotations, that.keepAnnotations)
        && Objects.equals(verify, that.verify)
        && Objects.equals(migrateState, that.migrateState)
        && Objects.equals(runAsRoot, that.runAsRoot)
        && Objects.equals(runAsUser, that.runAsUser)
        && Objects.equals(runAsGroup, that.runAsGroup);
  }

  @Override
  public int hashCode() {
    return Objects.hash(migPlanRef, canceled, rollback, stage, quiescePods, keepAnnotations, verify,
        migrateState, runAsRoot, runAsUser, runAsGroup);
  }
}
