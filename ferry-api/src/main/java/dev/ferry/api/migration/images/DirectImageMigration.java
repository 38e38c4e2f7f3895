package dev.ferry.api.migration.images;

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
 * A copy of the images of namespaces' image streams straight from the source cluster's registry to
 * the destination cluster's.
 */
@Group(MigrationApi.GROUP)
@Version(MigrationApi.VERSION)
@Plural("directimagemigrations")
@ShortNames("dim")
@JsonClassDescription("A copy of the images of namespaces' image streams straight from the source cluster's "
    + "registry to the destination cluster's.")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING, getDescription = "Whether the resource is ready.")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING, getDescription = "Current phase.")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class DirectImageMigration
    extends CustomResource<DirectImageMigrationSpec, DirectImageMigrationStatus>
    implements Namespaced {

  @Override
  @JsonPropertyDescription("Desired state: clusters and namespaces.")
  public DirectImageMigrationSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state: phase and per-image-stream results.")
  public DirectImageMigrationStatus getStatus() {
    return super.getStatus();
  }
}
