package dev.ferry.api.velero.restore;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.VeleroApi;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** A restore of the objects (and optionally volume data) of a Backup, in Velero's semantics. */
@Group(VeleroApi.GROUP)
@Version(VeleroApi.VERSION)
@Plural("restores")
@JsonClassDescription("A restore of the objects (and optionally volume data) of a Backup, in Velero's "
    + "semantics.")
@AdditionalPrinterColumn(name = "Backup", jsonPath = ".spec.backupName",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING, getDescription = "Phase of the restore.")
@AdditionalPrinterColumn(name = "Errors", jsonPath = ".status.errors",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Warnings", jsonPath = ".status.warnings",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class Restore extends CustomResource<RestoreSpec, RestoreStatus> implements Namespaced {

  @Override
  @JsonPropertyDescription("Desired state: which backup to restore, and which of its objects.")
  public RestoreSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state: phase, counts of warnings and errors, progress.")
  public RestoreStatus getStatus() {
    return super.getStatus();
  }
}
