package dev.ferry.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.hook.HookPhase;
import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.api.migration.hook.TargetCluster;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.settings.MigrationController;
import dev.ferry.api.migration.storage.BackupStorageProvider;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.api.velero.restore.Restore;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every seed manifest fits the CRDs and the model: no field unknown, mistyped or lost in a round trip. */
class SeedFixturesTest {

  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  static Stream<Path> fixtures() {
    return TestSupport.seedFixtures().stream();
  }

  static Class<? extends CustomResource<?, ?>> typeOf(JsonNode manifest) {
    String apiVersion = manifest.path("apiVersion").asText();
    String kind = manifest.path("kind").asText();
    return ApiTypes.forKind(apiVersion.substring(0, apiVersion.indexOf('/')), kind)
        .filter(t -> HasMetadata.getApiVersion(t).equals(apiVersion))
        .orElseThrow(() -> new AssertionError("not a Ferry kind: " + apiVersion + " " + kind));
  }

  static <T> T load(String fixture, Class<T> type) throws IOException {
    Path file = TestSupport.seedFixtures().stream().filter(p -> p.getFileName().toString().equals(fixture))
        .findFirst().orElseThrow();
    return SERIALIZATION.unmarshal(Files.readString(file), type);
  }

  @Test
  void fixturesCoverEveryKind() {
    assertThat(TestSupport.seedFixtures()).hasSize(24);
    Set<String> kinds = fixtures().map(TestSupport::readYaml).map(m -> m.path("kind").asText())
        .collect(Collectors.toSet());
    assertThat(kinds).containsExactlyInAnyOrderElementsOf(
        ApiTypes.ALL.stream().map(HasMetadata::getKind).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void acceptedByTheCrdSchema(Path file) {
    JsonNode manifest = TestSupport.readYaml(file);
    List<String> errors = SchemaCheck.check(manifest, Crds.of(typeOf(manifest)).definition());
    assertThat(errors).as(file.getFileName().toString()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void roundTripsThroughTheModel(Path file) throws IOException {
    JsonNode manifest = TestSupport.readYaml(file);
    Class<? extends CustomResource<?, ?>> type = typeOf(manifest);
    CustomResource<?, ?> resource = SERIALIZATION.unmarshal(Files.readString(file), type);
    assertThat(resource).isInstanceOf(type);
    JsonNode back = SERIALIZATION.convertValue(resource, JsonNode.class);
    assertThat(TestSupport.withoutNulls(back)).as(file.getFileName().toString())
        .isEqualTo(TestSupport.withoutNulls(manifest));
  }

  @Test
  void schemaCheckCatchesMistakes() {
    ObjectNode manifest = (ObjectNode) TestSupport.readYaml(TestSupport.seedFixtures().get(8)); // MigPlan
    ObjectNode spec = (ObjectNode) manifest.get("spec");
    spec.put("srcMigClusterRf", "typo");
    ((ObjectNode) spec.withArray("hooks").get(0)).put("phase", "PreFlight");
    spec.put("closed", "yes");
    List<String> errors = SchemaCheck.check(manifest, Crds.of(MigPlan.class).definition());
    assertThat(errors).hasSize(3).anyMatch(e -> e.contains("srcMigClusterRf: unknown field"))
        .anyMatch(e -> e.contains("PreFlight is not one of")).anyMatch(e -> e.contains("expected boolean"));
  }

  @Test
  void seedValuesMeanWhatTheSeedSays() throws IOException {
    MigPlan plan = load("09-migplan-example.yaml", MigPlan.class);
    assertThat(plan.getSpec().getHooks()).singleElement()
        .satisfies(h -> assertThat(h.getPhase()).isEqualTo(HookPhase.PRE_BACKUP));
    assertThat(plan.getSpec().getNamespaces()).contains("mssql-example:mssql-example-migrated");
    assertThat(plan.getSpec().getIndirectImageMigration()).isTrue();
    assertThat(plan.getSpec().getIndirectVolumeMigration()).isFalse();

    MigStorage storage = load("10-migstorage-example.yaml", MigStorage.class);
    assertThat(storage.getSpec().getBackupStorageProvider()).isEqualTo(BackupStorageProvider.AWS);
    assertThat(storage.getSpec().getBackupStorageConfig().getCredsSecretRef().getNamespace())
        .isEqualTo("openshift-config");

    assertThat(storage.getSpec().getBackupStorageConfig().getAwsSignatureVersion()).isEqualTo(new IntOrString("4"));
    MigStorage integerVersion = load("23-migstorage-signature-version-integer.yaml", MigStorage.class);
    assertThat(integerVersion.getSpec().getBackupStorageConfig().getAwsSignatureVersion())
        .isEqualTo(new IntOrString(4));

    MigCluster cluster = load("06-migcluster-example.yaml", MigCluster.class);
    assertThat(new String(Base64.getDecoder().decode(cluster.getSpec().getCaBundle())))
        .startsWith("-----BEGIN CERTIFICATE-----");

    MigHook hook = load("07-mighook-example.yaml", MigHook.class);
    assertThat(hook.getSpec().getTargetCluster()).isEqualTo(TargetCluster.SOURCE);
    assertThat(hook.getSpec().getActiveDeadlineSeconds()).isEqualTo(1800L);

    MigMigration rollback = load("22-migmigration-rollback.yaml", MigMigration.class);
    assertThat(rollback.getSpec().getRollback()).isTrue();
    assertThat(rollback.getSpec().getStage()).as("unset stays unset").isNull();

    MigMigration partial = load("11-migmigration-status-partially-failed.yaml", MigMigration.class);
    assertThat(partial.getStatus().conditions().find("SucceededWithWarnings")).get()
        .extracting(Condition::getCategory).isEqualTo(Category.ADVISORY);
    assertThat(partial.getStatus().conditions().hasWarnings()).isTrue();
    assertThat(partial.getStatus().conditions().hasErrors()).isFalse();

    MigrationController controller = load("21-migrationcontroller-example.yaml", MigrationController.class);
    assertThat(controller.getSpec().getMigNamespaceLimit()).isEqualTo(new IntOrString("10"));
    assertThat(controller.getSpec().getMigrationRsyncSuperPrivileged()).isTrue();
    assertThat(controller.getSpec().getVersion()).isEqualTo("1.8.3");
    MigrationController integerLimits = load("24-migrationcontroller-integer-limits.yaml", MigrationController.class);
    assertThat(integerLimits.getSpec().getMigPvLimit()).isEqualTo(new IntOrString(100));
    MigrationController groups = load("20-migrationcontroller-supplemental-groups.yaml", MigrationController.class);
    assertThat(groups.getSpec().supplementalGroupIds()).containsExactly(5555L);

    Backup backup = load("15-backup-pv-data.yaml", Backup.class);
    assertThat(backup.getStatus().getPhase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(backup.getSpec().getIncludeClusterResources()).isNull();
    assertThat(backup.getSpec().getLabelSelector().getMatchLabels())
        .containsEntry("migration-included-stage-backup", "8886de4c-c9f8-11e9-95ad-0205fe66cbb6");

    Restore restore = load("19-restore-podvolumerestore-errors.yaml", Restore.class);
    assertThat(restore.getStatus().getPodVolumeRestoreResticErrors()).singleElement()
        .satisfies(r -> assertThat(r.getName()).isEqualTo("registry-example-migration-rvwcm-98t49"));
  }
}
