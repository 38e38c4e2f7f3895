package dev.ferry.api.migration.settings;

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
 * Settings of the migration toolkit on a cluster: which components run, limits of a plan, timeouts
 * and workarounds.
 */
@Group(MigrationApi.GROUP)
@Version(MigrationApi.VERSION)
@Plural("migrationcontrollers")
@JsonClassDescription("Settings of the migration toolkit on a cluster: which components run, limits of a "
    + "plan, timeouts and workarounds.")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING, getDescription = "Whether the resource is ready.")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING, getDescription = "Current phase.")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class MigrationController
    extends CustomResource<MigrationControllerSpec, MigrationControllerStatus>
    implements Namespaced {

  @Override
  @JsonPropertyDescription("Desired state: the settings.")
  public MigrationControllerSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state: installation phase and conditions.")
  public MigrationControllerStatus getStatus() {
    return super.getStatus();
  }
}
