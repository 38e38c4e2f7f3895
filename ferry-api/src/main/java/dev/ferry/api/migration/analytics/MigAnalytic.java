package dev.ferry.api.migration.analytics;

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
 * An analysis of a MigPlan: number and size of images, Kubernetes resources by kind and API
 * version, and persistent volume capacity, per namespace.
 */
@Group(MigrationApi.GROUP)
@Version(MigrationApi.VERSION)
@Plural("miganalytics")
@JsonClassDescription("An analysis of a MigPlan: number and size of images, Kubernetes resources by kind "
    + "and API version, and persistent volume capacity, per namespace.")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING, getDescription = "Whether the resource is ready.")
@AdditionalPrinterColumn(name = "Plan", jsonPath = ".spec.migPlanRef.name",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Progress", jsonPath = ".status.analytics.percentComplete",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Resources", jsonPath = ".status.analytics.k8sResourceTotal",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Images", jsonPath = ".status.analytics.imageCount",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "ImageSize", jsonPath = ".status.analytics.imageSizeTotal",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "PVs", jsonPath = ".status.analytics.pvCount",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "PVCapacity", jsonPath = ".status.analytics.pvCapacity",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class MigAnalytic extends CustomResource<MigAnalyticSpec, MigAnalyticStatus> implements Namespaced {

  @Override
  @JsonPropertyDescription("Desired state: which data to collect.")
  public MigAnalyticSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state: the collected data.")
  public MigAnalyticStatus getStatus() {
    return super.getStatus();
  }
}
