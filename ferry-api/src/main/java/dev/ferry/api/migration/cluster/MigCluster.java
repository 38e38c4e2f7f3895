package dev.ferry.api.migration.cluster;

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
 * A cluster that takes part in migrations: the host cluster, on which the controller runs, or a
 * remote cluster reached by URL and service-account token.
 */
@Group(MigrationApi.GROUP)
@Version(MigrationApi.VERSION)
@Plural("migclusters")
@JsonClassDescription("A cluster that takes part in migrations: the host cluster, on which the controller "
    + "runs, or a remote cluster reached by URL and service-account token.")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING, getDescription = "Whether the resource is ready.")
@AdditionalPrinterColumn(name = "URL", jsonPath = ".spec.url",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Host", jsonPath = ".spec.isHostCluster",
    type = AdditionalPrinterColumn.Type.BOOLEAN)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class MigCluster extends CustomResource<MigClusterSpec, MigClusterStatus> implements Namespaced {

  @Override
  @JsonPropertyDescription("Desired state: how to reach the cluster.")
  public MigClusterSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state: validation conditions and discovered registry.")
  public MigClusterStatus getStatus() {
    return super.getStatus();
  }
}
