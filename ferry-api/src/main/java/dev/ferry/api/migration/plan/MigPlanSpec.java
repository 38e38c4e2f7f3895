package dev.ferry.api.migration.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.List;
import lombok.Data;

/** Desired state of a MigPlan: what to migrate, from where, to where, and how. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class MigPlanSpec {

  @JsonPropertyDescription("Reference (name and namespace) to the MigCluster to migrate from.")
  private ObjectReference srcMigClusterRef;

  @JsonPropertyDescription("Reference (name and namespace) to the MigCluster to migrate to.")
  private ObjectReference destMigClusterRef;

  @JsonPropertyDescription("Reference (name and namespace) to the MigStorage used as replication repository.")
  private ObjectReference migStorageRef;

  @JsonPropertyDescription("Self-service plans only: the Secret (in the plan's namespace) holding the planning "
      + "user's token for the source cluster, under key token. Every source read is made with it.")
  private ObjectReference srcMigTokenRef;

  @JsonPropertyDescription("Self-service plans only: the Secret (in the plan's namespace) holding the planning "
      + "user's token for the destination cluster, under key token. Every destination write is made with it.")
  private ObjectReference destMigTokenRef;

  @JsonPropertyDescription("Source namespaces to migrate. An entry is either src (the destination namespace has "
      + "the same name) or src:dest (the namespace is renamed to dest on the destination "
      + "cluster).")
  private List<String> namespaces;

  @JsonPropertyDescription("Persistent volumes bound to claims in the plan's namespaces, with what is supported "
      + "for each and the choices made. Written by the controller's volume discovery; the "
      + "selection of each may be edited.")
  private List<PlanVolume> persistentVolumes;

  @JsonPropertyDescription("If true, the plan is finished: no further MigMigration can be created for it.")
  private Boolean closed;

  @JsonPropertyDescription("Optional: up to four migration hooks, each in a different phase.")
  @Size(max = 4)
  private List<MigPlanHook> hooks;

  @JsonPropertyDescription("Set to true to ask the controller to validate the resource again; the controller "
      + "resets it to false.")
  private Boolean refresh;

  @JsonPropertyDescription("If true, direct image migration is disabled: images are copied from the source "
      + "cluster to the replication repository, then from the repository to the destination "
      + "cluster.")
  private Boolean indirectImageMigration;

  @JsonPropertyDescription("If true, direct volume migration is disabled: volume data is copied from the source "
      + "cluster to the replication repository, then from the repository to the destination "
      + "cluster.")
  private Boolean indirectVolumeMigration;

  @JsonPropertyDescription("Optional: migrate only resources of these kinds; all kinds when unset.")
  private List<GroupKind> includedResources;

  @JsonPropertyDescription("Optional: migrate only resources whose labels match.")
  private LabelSelector labelSelector;

  @JsonPropertyDescription("Optional: during direct volume migration, live-migrate the volumes of virtual "
      + "machines that are running instead of copying them offline.")
  private Boolean liveMigrate;
}
