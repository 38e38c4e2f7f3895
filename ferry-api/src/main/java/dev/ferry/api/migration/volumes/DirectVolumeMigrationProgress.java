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

/** Progress of one data transfer of a DirectVolumeMigration. */
@Group(MigrationApi.GROUP)
@Version(MigrationApi.VERSION)
@Plural("directvolumemigrationprogresses")
@ShortNames("dvmp")
@JsonClassDescription("Progress of one data transfer of a DirectVolumeMigration.")
@AdditionalPrinterColumn(name = "Cluster", jsonPath = ".spec.clusterRef.name",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Pod Name", jsonPath = ".status.podName",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Pod Namespace", jsonPath = ".spec.podNamespace",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Progress Percent", jsonPath = ".status.totalProgressPercentage",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Transfer Rate", jsonPath = ".status.lastObservedTransferRate",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class DirectVolumeMigrationProgress
    extends CustomResource<DirectVolumeMigrationProgressSpec, DirectVolumeMigrationProgressStatus>
    implements Namespaced {

  @Override
  @JsonPropertyDescription("Desired state: which transfer to watch.")
  public DirectVolumeMigrationProgressSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state: progress, transfer rate, exit code and log.")
  public DirectVolumeMigrationProgressStatus getStatus() {
    return super.getStatus();
  }
}
