package dev.ferry.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.Crds.Crd;
import dev.ferry.api.docs.ApiDocRenderer;
import dev.ferry.api.migration.analytics.MigAnalytic;
import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.settings.MigrationController;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CrdsTest {

  @Test
  void fifteenCrdsSortedByGroupThenKind() {
    assertThat(Crds.all()).extracting(Crd::name).containsExactly(
        "directimagemigrations.migration.openshift.io",
        "directimagestreammigrations.migration.openshift.io",
        "directvolumemigrations.migration.openshift.io",
        "directvolumemigrationprogresses.migration.openshift.io",
        "miganalytics.migration.openshift.io",
        "migclusters.migration.openshift.io",
        "mighooks.migration.openshift.io",
        "migmigrations.migration.openshift.io",
        "migplans.migration.openshift.io",
        "migstorages.migration.openshift.io",
        "migrationcontrollers.migration.openshift.io",
        "backups.velero.io",
        "backupstoragelocations.velero.io",
        "restores.velero.io",
        "volumesnapshotlocations.velero.io");
    assertThat(Crds.definitions()).hasSize(15)
        .allSatisfy(crd -> assertThat(crd.getMetadata().getName()).isEqualTo(
            crd.getSpec().getNames().getPlural() + "." + crd.getSpec().getGroup()));
    assertThat(Crds.yaml().split("(?m)^---$")).hasSize(15);
  }

  @Test
  void deployCrdsMatchTheBuild() throws IOException {
    Path dir = TestSupport.repoRoot().resolve("deploy/crds");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactlyElementsOf(Crds.all().stream().map(Crd::fileName).sorted().toList());
    }
    for (Crd crd : Crds.all()) {
      assertThat(Files.readString(dir.resolve(crd.fileName()))).as(crd.fileName()).isEqualTo(crd.yaml());
    }
  }

  @Test
  void everyCrdIsNamespacedWithOneServedStoredVersionAndStatusAsVeleroHasIt() {
    for (Crd crd : Crds.all()) {
      CustomResourceDefinition def = crd.definition();
      assertThat(def.getSpec().getScope()).isEqualTo("Namespaced");
      assertThat(def.getSpec().getVersions()).singleElement().satisfies(v -> {
        assertThat(v.getName()).isEqualTo(crd.group().equals("velero.io") ? "v1" : "v1alpha1");
        assertThat(v.getServed()).isTrue();
        assertThat(v.getStorage()).isTrue();
        if (crd.group().equals("velero.io")) {
          // Velero's CRDs have no status subresource; Ferry's must not add one (see Crds)
          assertThat(v.getSubresources()).as(crd.name() + " subresources").isNull();
        } else {
          assertThat(v.getSubresources().getStatus()).as(crd.name() + " status subresource").isNotNull();
        }
        assertThat(v.getSchema().getOpenAPIV3Schema().getProperties()).containsKeys("spec", "status");
      });
    }
  }

  @Test
  void everyFieldHasADescription() {
    List<String> missing = new ArrayList<>();
    for (Crd crd : Crds.all()) {
      Map<String, JSONSchemaProps> top = version(crd).getSchema().getOpenAPIV3Schema().getProperties();
      for (String part : List.of("spec", "status")) {
        collectMissingDescriptions(crd.kind() + "." + part, top.get(part), missing);
      }
    }
    assertThat(missing).as("fields without a description").isEmpty();
  }

  private static void collectMissingDescriptions(String path, JSONSchemaProps schema, List<String> missing) {
    if (schema.getDescription() == null || schema.getDescription().isBlank()) {
      missing.add(path);
    }
    JSONSchemaProps object = schema;
    while ("array".equals(object.getType())) {
      object = object.getItems().getSchema();
      path += "[]";
    }
    if (object.getProperties() != null && ApiDocRenderer.knownType(object) == null) {
      for (Map.Entry<String, JSONSchemaProps> child : object.getProperties().entrySet()) {
        collectMissingDescriptions(path + "." + child.getKey(), child.getValue(), missing);
      }
    }
  }

  @Test
  void enums() {
    assertThat(enumOf(MigPlan.class, "spec", "hooks", "phase"))
        .containsExactly("PostBackup", "PostRestore", "PreBackup", "PreRestore");
    assertThat(enumOf(MigHook.class, "spec", "targetCluster")).containsExactly("destination", "source");
    assertThat(enumOf(MigStorage.class, "spec", "backupStorageProvider"))
        .containsExactly("aws", "azure", "filesystem", "gcp");
    assertThat(enumOf(MigStorage.class, "spec", "volumeSnapshotProvider")).containsExactly("aws", "azure", "gcp");
    assertThat(enumOf(MigPlan.class, "spec", "persistentVolumes", "selection", "action"))
        .containsExactly("copy", "move", "skip");
    assertThat(enumOf(MigPlan.class, "spec", "persistentVolumes", "selection", "copyMethod"))
        .containsExactly("block", "filesystem", "snapshot");
    assertThat(enumOf(DirectVolumeMigration.class, "spec", "migrationType"))
        .containsExactly("CutOver", "Rollback", "Stage");
    assertThat(enumOf(MigMigration.class, "status", "conditions", "category"))
        .containsExactly("Advisory", "Critical", "Error", "Required", "Warn");
    assertThat(enumOf(dev.ferry.api.velero.backup.Backup.class, "status", "phase"))
        .contains("New", "FailedValidation", "InProgress", "Completed", "PartiallyFailed", "Failed", "Deleting");
    assertThat(enumOf(dev.ferry.api.velero.location.BackupStorageLocation.class, "status", "phase"))
        .containsExactly("Available", "Unavailable");
  }

  @Test
  void defaultsAndLimits() {
    assertThat(field(MigHook.class, "spec", "activeDeadlineSeconds").getDefault().asLong()).isEqualTo(1800);
    assertThat(field(MigAnalytic.class, "spec", "listImages").getDefault().asBoolean(true)).isFalse();
    assertThat(field(DirectVolumeMigration.class, "spec", "createDestinationNamespaces").getDefault().isBoolean())
        .isTrue();
    assertThat(field(DirectVolumeMigration.class, "spec", "deleteProgressReportingCRs").getDefault().asBoolean(true))
        .isFalse();
    assertThat(defaultText(MigrationController.class, "restic_timeout")).isEqualTo("1h");
    assertThat(defaultText(MigrationController.class, "mig_namespace_limit")).isEqualTo("10");
    assertThat(defaultText(MigrationController.class, "mig_pod_limit")).isEqualTo("100");
    assertThat(defaultText(MigrationController.class, "mig_pv_limit")).isEqualTo("100");
    assertThat(field(MigrationController.class, "spec", "migration_rsync_super_privileged").getDefault()
        .asBoolean(true)).isFalse();
    assertThat(field(MigrationController.class, "spec", "restic_timeout").getPattern()).isNotNull();
    assertThat(field(MigrationController.class, "spec").getXKubernetesPreserveUnknownFields()).isTrue();
    assertThat(field(MigPlan.class, "spec", "hooks").getMaxItems()).isEqualTo(4);
    assertThat(field(MigPlan.class, "spec", "persistentVolumes", "capacity").getXKubernetesIntOrString()).isTrue();
  }

  @Test
  void printerColumnsAndShortNames() {
    assertThat(columns(MigPlan.class)).contains("Ready", "Source", "Target", "Storage", "Age");
    assertThat(columns(MigMigration.class)).contains("Ready", "Plan", "Stage", "Rollback", "Phase", "Age");
    for (Crd crd : Crds.all()) {
      assertThat(columns(crd.type())).as(crd.kind()).contains("Age");
    }
    CustomResourceColumnDefinition ready = version(Crds.of(MigPlan.class)).getAdditionalPrinterColumns().stream()
        .filter(c -> c.getName().equals("Ready")).findFirst().orElseThrow();
    assertThat(ready.getJsonPath()).isEqualTo(".status.conditions[?(@.type==\"Ready\")].status");
    assertThat(shortNames()).containsEntry("BackupStorageLocation", List.of("bsl"))
        .containsEntry("VolumeSnapshotLocation", List.of("vsl"))
        .containsEntry("DirectImageMigration", List.of("dim"))
        .containsEntry("DirectImageStreamMigration", List.of("dism"))
        .containsEntry("DirectVolumeMigration", List.of("dvm"))
        .containsEntry("DirectVolumeMigrationProgress", List.of("dvmp"));
  }

  private static Map<String, List<String>> shortNames() {
    Map<String, List<String>> out = new java.util.HashMap<>();
    for (Crd crd : Crds.all()) {
      List<String> names = crd.definition().getSpec().getNames().getShortNames();
      if (names != null && !names.isEmpty()) {
        out.put(crd.kind(), names);
      }
    }
    return out;
  }

  private static List<String> columns(Class<? extends HasMetadata> type) {
    return version(Crds.of(type)).getAdditionalPrinterColumns().stream()
        .map(CustomResourceColumnDefinition::getName).toList();
  }

  private static CustomResourceDefinitionVersion version(Crd crd) {
    return crd.definition().getSpec().getVersions().get(0);
  }

  /** The schema at a path of property names; list items are entered implicitly. */
  static JSONSchemaProps field(Class<? extends HasMetadata> type, String... path) {
    JSONSchemaProps schema = version(Crds.of(type)).getSchema().getOpenAPIV3Schema();
    for (String name : path) {
      while ("array".equals(schema.getType())) {
        schema = schema.getItems().getSchema();
      }
      assertThat(schema.getProperties()).as(String.join(".", path)).containsKey(name);
      schema = schema.getProperties().get(name);
    }
    return schema;
  }

  private static List<String> enumOf(Class<? extends HasMetadata> type, String... path) {
    return field(type, path).getEnum().stream().map(JsonNode::asText).toList();
  }

  private static String defaultText(Class<? extends HasMetadata> type, String specField) {
    return field(type, "spec", specField).getDefault().asText();
  }
}
