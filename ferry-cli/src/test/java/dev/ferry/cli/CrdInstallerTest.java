package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.Crds;
import dev.ferry.api.velero.backup.Backup;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When 'ferry crds install' leaves an installed velero.io CRD alone. */
class CrdInstallerTest {

  private static CustomResourceDefinition installedBy(String... managers) {
    CustomResourceDefinition crd = Crds.of(Backup.class).definition();
    crd.getMetadata().setManagedFields(java.util.Arrays.stream(managers)
        .map(m -> new ManagedFieldsEntryBuilder().withManager(m).withOperation("Update").build()).toList());
    return crd;
  }

  @Test
  void leavesACrdAnotherToolInstalled() {
    assertThat(CrdInstaller.reasonToLeave(installedBy("velero"), Crds.of(Backup.class).definition()))
        .contains("installed by velero");
    assertThat(CrdInstaller.reasonToLeave(installedBy("ferry", "kubectl-client-side-apply"),
        Crds.of(Backup.class).definition())).contains("kubectl-client-side-apply");
    assertThat(CrdInstaller.reasonToLeave(installedBy(), Crds.of(Backup.class).definition()))
        .contains("another tool");
  }

  @Test
  void updatesItsOwnCrdUnlessTheInstalledOneIsWider() {
    assertThat(CrdInstaller.reasonToLeave(installedBy("ferry"), Crds.of(Backup.class).definition())).isNull();
    CustomResourceDefinition wider = installedBy("ferry");
    wider.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema().getProperties().get("spec")
        .getProperties().put("fieldOfANewerVelero", new JSONSchemaPropsBuilder().withType("string").build());
    assertThat(CrdInstaller.reasonToLeave(wider, Crds.of(Backup.class).definition()))
        .contains("spec.fieldOfANewerVelero: missing");
  }

  @Test
  void statusManagedByTheApiServerDoesNotCount() {
    CustomResourceDefinition crd = installedBy("ferry");
    crd.getMetadata().setManagedFields(List.of(
        new ManagedFieldsEntryBuilder().withManager("ferry").withOperation("Apply").build(),
        new ManagedFieldsEntryBuilder().withManager("kube-apiserver").withOperation("Update")
            .withSubresource("status").build()));
    assertThat(CrdInstaller.reasonToLeave(crd, Crds.of(Backup.class).definition())).isNull();
  }
}
