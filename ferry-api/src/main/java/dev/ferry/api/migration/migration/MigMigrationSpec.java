package dev.ferry.api.migration.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;
import lombok.Data;

/** Desired state of a MigMigration: one run of a MigPlan. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
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
}
