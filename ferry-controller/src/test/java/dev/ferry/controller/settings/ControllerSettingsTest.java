package dev.ferry.controller.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.settings.MigrationController;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

class ControllerSettingsTest {

  private static MigrationController parse(String yaml) {
    return Serialization.unmarshal(yaml, MigrationController.class);
  }

  @Test
  void noControllerMeansMtcDefaults() {
    ControllerSettings s = ControllerSettings.from(null);
    assertThat(s.namespaceLimit()).isEqualTo(10);
    assertThat(s.podLimit()).isEqualTo(100);
    assertThat(s.pvLimit()).isEqualTo(100);
    assertThat(s.excludedResources()).isEmpty();
  }

  @Test
  void quotedLimitsAsInTheSeedManifest() {
    ControllerSettings s = ControllerSettings.from(parse("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigrationController
        metadata: {name: migration-controller, namespace: openshift-migration}
        spec:
          mig_namespace_limit: "12"
          mig_pod_limit: "150"
          mig_pv_limit: "7"
        """));
    assertThat(s).isEqualTo(new ControllerSettings(12, 150, 7, java.util.List.of()));
  }

  @Test
  void unquotedLimitsMeanTheSame() {
    ControllerSettings s = ControllerSettings.from(parse("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigrationController
        metadata: {name: mc}
        spec: {mig_namespace_limit: 3, mig_pod_limit: 4, mig_pv_limit: 5}
        """));
    assertThat(s.namespaceLimit()).isEqualTo(3);
    assertThat(s.podLimit()).isEqualTo(4);
    assertThat(s.pvLimit()).isEqualTo(5);
  }

  @Test
  void badOrNonPositiveValuesFallBackToDefaults() {
    ControllerSettings s = ControllerSettings.from(parse("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigrationController
        metadata: {name: mc}
        spec: {mig_namespace_limit: "ten", mig_pod_limit: 0, mig_pv_limit: " 20 "}
        """));
    assertThat(s.namespaceLimit()).isEqualTo(10);
    assertThat(s.podLimit()).isEqualTo(100);
    assertThat(s.pvLimit()).isEqualTo(20);
  }

  @Test
  void excludedResourcesAreTrimmedAndBlanksDropped() {
    ControllerSettings s = ControllerSettings.from(parse("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigrationController
        metadata: {name: mc}
        spec:
          excluded_resources: [" imagestreams.image.openshift.io", "", secrets]
        """));
    assertThat(s.excludedResources()).containsExactly("imagestreams.image.openshift.io", "secrets");
  }

  @Test
  void missingSpecMeansDefaults() {
    MigrationController empty = new MigrationController();
    assertThat(ControllerSettings.from(empty)).isEqualTo(ControllerSettings.defaults());
  }
}
