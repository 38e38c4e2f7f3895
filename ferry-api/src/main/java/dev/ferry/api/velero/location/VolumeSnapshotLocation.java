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

/** A location where volume snapshots are taken. */
@Group(VeleroApi.GROUP)
@Version(VeleroApi.VERSION)
@Plural("volumesnapshotlocations")
@ShortNames("vsl")
@JsonClassDescription("A location where volume snapshots are taken.")
@AdditionalPrinterColumn(name = "Provider", jsonPath = ".spec.provider",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class VolumeSnapshotLocation
    extends CustomResource<VolumeSnapshotLocationSpec, VolumeSnapshotLocationStatus>
    implements Namespaced {

  @Override
  @JsonPropertyDescription("Desired state: provider, configuration and credentials.")
  public VolumeSnapshotLocationSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state: availability.")
  public VolumeSnapshotLocationStatus getStatus() {
    return super.getStatus();
  }
}
