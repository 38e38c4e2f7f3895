package dev.ferry.api.migration.storage;

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
 * A replication repository: the intermediate object storage through which resources, and indirectly
 * copied images and volume data, travel.
 */
@Group(MigrationApi.GROUP)
@Version(MigrationApi.VERSION)
@Plural("migstorages")
@JsonClassDescription("A replication repository: the intermediate object storage through which resources, "
    + "and indirectly copied images and volume data, travel.")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING, getDescription = "Whether the resource is ready.")
@AdditionalPrinterColumn(name = "BackupStorageProvider", jsonPath = ".spec.backupStorageProvider",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "VolumeSnapshotProvider", jsonPath = ".spec.volumeSnapshotProvider",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class MigStorage extends CustomResource<MigStorageSpec, MigStorageStatus> implements Namespaced {

  @Override
  @JsonPropertyDescription("Desired state: provider, location and credentials of the repository.")
  public MigStorageSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state: validation conditions.")
  public MigStorageStatus getStatus() {
    return super.getStatus();
  }
}
