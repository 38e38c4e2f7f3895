package dev.ferry.api.velero.location;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.VeleroApi;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** An object storage location (bucket and prefix) that holds backups. */
@Group(VeleroApi.GROUP)
@Version(VeleroApi.VERSION)
@Plural("backupstoragelocations")
@ShortNames("bsl")
@JsonClassDescription("An object storage location (bucket and prefix) that holds backups.")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING, getDescription = "Whether the location is Available or Unavailable.")
@AdditionalPrinterColumn(name = "Last Validated", jsonPath = ".status.lastValidationTime",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(name = "Default", jsonPath = ".spec.default",
    type = AdditionalPrinterColumn.Type.BOOLEAN)
public class BackupStorageLocation
    extends CustomResource<BackupStorageLocationSpec, BackupStorageLocationStatus>
    implements Namespaced {

  @Override
  @JsonPropertyDescription("Desired state: provider, bucket, configuration and credentials.")
  public BackupStorageLocationSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state: availability and syncing.")
  public BackupStorageLocationStatus getStatus() {
    return super.getStatus();
  }
}
