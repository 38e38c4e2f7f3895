package dev.ferry.api.migration.migration;

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
 * One run of a MigPlan: a stage migration, a cutover, a rollback, or the cancellation of a running
 * migration.
 */
@Group(MigrationApi.GROUP)
@Version(MigrationApi.VERSION)
@Plural("migmigrations")
@JsonClassDescription("One run of a MigPlan: a stage migration, a cutover, a rollback, or the cancellation "
    + "of a running migration.")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING, getDescription = "Whether the resource is ready.")
@AdditionalPrinterColumn(name = "Plan", jsonPath = ".spec.migPlanRef.name",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Stage", jsonPath = ".spec.stage",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Rollback", jsonPath = ".spec.rollback",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Itinerary", jsonPath = ".status.itinerary",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING, getDescription = "Current phase.")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class MigMigration extends CustomResource<MigMigrationSpec, MigMigrationStatus> implements Namespaced {

  @Override
  @JsonPropertyDescription("Desired state: which plan to run and how.")
  public MigMigrationSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state: phase, pipeline progress and conditions.")
  public MigMigrationStatus getStatus() {
    return super.getStatus();
  }
}
