package dev.ferry.api.migration.plan;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.migration.MigrationApi;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A migration plan: source and destination clusters, replication repository, namespaces, persistent
 * volumes and hooks. Deleting it deletes its MigMigrations.
 */
@Group(MigrationApi.GROUP)
@Version(MigrationApi.VERSION)
@Plural("migplans")
@JsonClassDescription("A migration plan: source and destination clusters, replication repository, "
    + "namespaces, persistent volumes and hooks. Deleting it deletes its MigMigrations.")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING, getDescription = "Whether the resource is ready.")
@AdditionalPrinterColumn(name = "Source", jsonPath = ".spec.srcMigClusterRef.name",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Target", jsonPath = ".spec.destMigClusterRef.name",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Storage", jsonPath = ".spec.migStorageRef.name",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class MigPlan extends CustomResource<MigPlanSpec, MigPlanStatus> implements Namespaced {

  @Override
  @JsonPropertyDescription("Desired state: what to migrate and how.")
  public MigPlanSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state: validation conditions and discovered details.")
  public MigPlanStatus getStatus() {
    return super.getStatus();
  }
}
