package dev.ferry.api.migration.hook;

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
 * A migration hook: custom code (an Ansible playbook or a custom image) run as a job at a phase of
 * a migration, on the source or the destination cluster.
 */
@Group(MigrationApi.GROUP)
@Version(MigrationApi.VERSION)
@Plural("mighooks")
@JsonClassDescription("A migration hook: custom code (an Ansible playbook or a custom image) run as a job "
    + "at a phase of a migration, on the source or the destination cluster.")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING, getDescription = "Whether the resource is ready.")
@AdditionalPrinterColumn(name = "Image", jsonPath = ".spec.image",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "TargetCluster", jsonPath = ".spec.targetCluster",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class MigHook extends CustomResource<MigHookSpec, MigHookStatus> implements Namespaced {

  @Override
  @JsonPropertyDescription("Desired state: what the hook runs and where.")
  public MigHookSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state: validation conditions.")
  public MigHookStatus getStatus() {
    return super.getStatus();
  }
}
