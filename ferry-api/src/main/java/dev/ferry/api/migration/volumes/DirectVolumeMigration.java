package dev.ferry.api.migration.volumes;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.migration.MigrationApi;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A copy of persistent volume data straight from the source cluster to the destination cluster.
 */
@Group(MigrationApi.GROUP)
@Version(MigrationApi.VERSION)
@Plural("directvolumemigrations")
@ShortNames("dvm")
@JsonClassDescription("A copy of persistent volume data straight from the source cluster to the destination "
    + "cluster.")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING, getDescription = "Whether the resource is ready.")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING, getDescription = "Current phase.")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class DirectVolumeMigration
    extends CustomResource<DirectVolumeMigrationSpec, DirectVolumeMigrationStatus>
    implements Namespaced {

  @Override
  @JsonPropertyDescription("Desired state: clusters and persistent volume claims.")
  public DirectVolumeMigrationSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state: phase and per-transfer progress.")
  public DirectVolumeMigrationStatus getStatus() {
    return super.getStatus();
  }
}
