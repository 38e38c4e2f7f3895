package dev.ferry.api.velero.backup;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.VeleroApi;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A backup of Kubernetes objects (and optionally volume data) to a BackupStorageLocation, in
 * Velero's format.
 */
@Group(VeleroApi.GROUP)
@Version(VeleroApi.VERSION)
@Plural("backups")
@JsonClassDescription("A backup of Kubernetes objects (and optionally volume data) to a "
    + "BackupStorageLocation, in Velero's format.")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING, getDescription = "Phase of the backup.")
@AdditionalPrinterColumn(name = "Errors", jsonPath = ".status.errors",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Warnings", jsonPath = ".status.warnings",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Storage Location", jsonPath = ".spec.storageLocation",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class Backup extends CustomResource<BackupSpec, BackupStatus> implements Namespaced {

  @Override
  @JsonPropertyDescription("Desired state: what to back up and where.")
  public BackupSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state: phase, counts of warnings and errors, progress.")
  public BackupStatus getStatus() {
    return super.getStatus();
  }
}
