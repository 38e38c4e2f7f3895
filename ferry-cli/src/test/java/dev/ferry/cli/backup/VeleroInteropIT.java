package dev.ferry.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.cli.CliCluster;
import dev.ferry.cli.CliRun;
import dev.ferry.controller.FerryOperator;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.LocalVelero;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.BackupLocations;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ferry and a real Velero 1.18.3 server (out-of-cluster on the source cluster, namespace
 * {@code velero}, its location on the testbed's S3 server) reading each other's backups from one
 * bucket: Velero backs up, Ferry syncs and restores into the other cluster; Ferry backs up,
 * Velero syncs, describes and restores. The application: two bound claims, a ConfigMap, a
 * Secret, a CRD and two of its resources.
 */
@ExtendWith(TestbedExtension.class)
class VeleroInteropIT {
  private static final String NS = FerryOperator.DEFAULT_NAMESPACE;
  private static final String SHARED = "shared";

  /** Velero reads the API groups when it starts (then every 5 minutes): the app's CRD comes first. */
  @BeforeAll
  static void startVelero() {
    Testbed testbed = Testbed.shared();
    InteropApp.createCrd(testbed.source().client());
    testbed.velero();
  }

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void veleroBacksUpAndFerryRestoresIntoTheOtherCluster(Testbed testbed, @TempDir Path dir) {
    LocalVelero velero = testbed.velero();
    LocalCluster source = testbed.source();
    LocalCluster destination = testbed.destination();
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String app = "vapp-" + suffix;
    String copy = app + "-copy";
    String backup = "vb-" + suffix;
    String restore = "fr-" + suffix;
    InteropApp.create(source.client(), app);

    LocalVelero.Result created = velero.cli("backup", "create", backup, "--include-namespaces", app, "--wait");
    assertThat(created.exitCode()).as(created.output()).isZero();
    assertThat(velero.cli("backup", "get", backup).output()).containsPattern(backup + "\\s+Completed\\s+0\\s+0");

    CliCluster cli = CliCluster.prepare(destination, dir);
    s3Credentials(destination.client(), testbed);
    try (FerryOperator operator = new FerryOperator(destination.client(), NS, Clock.systemUTC()).start()) {
      createSharedLocation(destination.client(), velero, testbed);
      // Ferry's sync turns Velero's backup into a Backup CR of the destination cluster.
      Backup synced = destination.client().resources(Backup.class).inNamespace(NS).withName(backup)
          .waitUntilCondition(b -> b != null, 90, TimeUnit.SECONDS);
      assertThat(synced.getSpec().getStorageLocation()).isEqualTo(SHARED);
      CliRun get = cli.run("backup", "get", backup);
      assertThat(get.exitCode()).as(get.err()).isZero();
      assertThat(get.out()).containsPattern(backup + "\\s+Completed\\s+0\\s+0\\s+.*" + SHARED);
      CliRun describe = cli.run("backup", "describe", backup, "--details");
      assertThat(describe.exitCode()).as(describe.err()).isZero();
      assertThat(describe.out()).contains("Phase:  Completed\n").contains("Included:  " + app + "\n")
          .contains("v1/PersistentVolumeClaim:\n    - " + app + "/data\n    - " + app + "/logs\n")
          .contains("interop.ferry.dev/v1/Widget:\n    - " + app + "/blue\n    - " + app + "/green\n");
      CliRun logs = cli.run("backup", "logs", backup);
      assertThat(logs.exitCode()).as(logs.err()).isZero();
      assertThat(logs.out()).contains("level=info").contains("backup=" + LocalVelero.NAMESPACE + "/" + backup);

      CliRun restored = cli.run("restore", "create", restore, "--from-backup", backup, "--namespace-mappings",
          app + ":" + copy, "--wait");
      assertThat(restored.exitCode()).as(restored.out() + restored.err()).isZero();
      assertThat(restored.out()).contains("Phase:  Completed");
      InteropApp.assertRestored(destination.client(), copy);

      CliRun details = cli.run("restore", "describe", restore, "--details");
      assertThat(details.exitCode()).as(details.err()).isZero();
      assertThat(details.out()).contains("Resource List:\n")
          .contains("v1/ConfigMap:\n    - " + copy + "/settings(created)")
          .contains("v1/PersistentVolumeClaim:\n    - " + copy + "/data(created)\n    - " + copy + "/logs(created)\n")
          .contains("v1/Secret:\n    - " + copy + "/token(created)")
          .contains("    - " + copy + "/blue(created)\n    - " + copy + "/green(created)\n");
    } finally {
      source.client().namespaces().withName(app).delete();
      destination.client().namespaces().withName(copy).delete();
    }
  }

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void ferryBacksUpAndVeleroSyncsDescribesAndRestores(Testbed testbed, @TempDir Path dir) {
    LocalVelero velero = testbed.velero();
    LocalCluster source = testbed.source();
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String app = "fapp-" + suffix;
    String copy = app + "-v";
    String backup = "fb-" + suffix;
    String restore = "vr-" + suffix;
    List<String> namespacesDeleted = new ArrayList<>();
    InteropApp.create(source.client(), app);
    CliCluster cli = CliCluster.prepare(source, dir);
    s3Credentials(source.client(), testbed);
    try (FerryOperator operator = new FerryOperator(source.client(), NS, Clock.systemUTC()).start()) {
      createSharedLocation(source.client(), velero, testbed);
      CliRun created = cli.run("backup", "create", backup, "--include-namespaces", app, "--storage-location", SHARED,
          "--wait");
      assertThat(created.exitCode()).as(created.out() + created.err()).isZero();

      // Velero's sync (it looks once a minute) creates its own Backup CR for Ferry's backup.
      source.client().resources(Backup.class).inNamespace(LocalVelero.NAMESPACE).withName(backup)
          .waitUntilCondition(b -> b != null, 150, TimeUnit.SECONDS);
      assertThat(velero.cli("backup", "get", backup).output())
          .containsPattern(backup + "\\s+Completed\\s+0\\s+0\\s+.*" + LocalVelero.LOCATION);
      LocalVelero.Result describe = velero.cli("backup", "describe", backup, "--details");
      assertThat(describe.exitCode()).as(describe.output()).isZero();
      assertThat(describe.output()).contains("Phase:  Completed").contains("Included:  " + app)
          .contains("v1/PersistentVolumeClaim:\n    - " + app + "/data\n    - " + app + "/logs")
          .doesNotContain("error").doesNotContain("Error");
      LocalVelero.Result logs = velero.cli("backup", "logs", backup);
      assertThat(logs.exitCode()).as(logs.output()).isZero();

      LocalVelero.Result restored = velero.cli("restore", "create", restore, "--from-backup", backup,
          "--namespace-mappings", app + ":" + copy, "--wait");
      assertThat(restored.exitCode()).as(restored.output()).isZero();
      InteropApp.assertRestored(source.client(), copy);
      String described = velero.cli("restore", "describe", restore, "--details").output();
      assertThat(described).as(described).contains("Phase:                       Completed")
          .contains("interop.ferry.dev/v1/Widget:\n    - " + copy + "/blue(created)\n    - " + copy + "/green(created)")
          .contains("v1/PersistentVolumeClaim:\n    - " + copy + "/data(created)\n    - " + copy + "/logs(created)")
          .contains("v1/Secret:\n    - " + copy + "/token(created)");
      String logs2 = velero.cli("restore", "logs", restore).output();
      assertThat(logs2).as(logs2).doesNotContain("Cannot find BackupVolumeInfo");

      // Velero restoring its own backup of the same application is the baseline: whatever it warns
      // about there (e.g. the namespace's kube-root-ca.crt the cluster already made) is Velero's, not
      // caused by Ferry's files. Restoring Ferry's backup must warn and fail about nothing more.
      String own = "vb-" + suffix;
      String ownCopy = app + "-w";
      LocalVelero.Result ownBackup = velero.cli("backup", "create", own, "--include-namespaces", app, "--wait");
      assertThat(ownBackup.exitCode()).as(ownBackup.output()).isZero();
      LocalVelero.Result ownRestore = velero.cli("restore", "create", restore + "-own", "--from-backup", own,
          "--namespace-mappings", app + ":" + ownCopy, "--wait");
      assertThat(ownRestore.exitCode()).as(ownRestore.output()).isZero();
      String baseline = velero.cli("restore", "describe", restore + "-own", "--details").output();
      namespacesDeleted.add(ownCopy);
      assertThat(problems(described, copy)).as(described).isEqualTo(problems(baseline, ownCopy));
      assertThat(logProblems(logs2, copy)).isEqualTo(
          logProblems(velero.cli("restore", "logs", restore + "-own").output(), ownCopy));
    } finally {
      source.client().namespaces().withName(app).delete();
      source.client().namespaces().withName(copy).delete();
      namespacesDeleted.forEach(n -> source.client().namespaces().withName(n).delete());
    }
  }

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void aMigrationBesideVeleroCompletesAndVelerosBackupsKeepWorking(Testbed testbed, @TempDir Path dir)
      throws Exception {
    LocalVelero velero = testbed.velero();
    LocalCluster source = testbed.source();
    LocalCluster destination = testbed.destination();
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String app = "mapp-" + suffix;
    String moved = app + "-moved";
    InteropApp.create(source.client(), app);
    Path kubeconfig = dir.resolve("kubeconfig");
    LocalCluster.writeKubeconfig(kubeconfig, List.of(source, destination));
    try {
      CliRun migrated = CliRun.of("migrate", "--kubeconfig", kubeconfig.toString(), "--source-context",
          source.name(), "--destination-context", destination.name(), "--namespaces", app + ":" + moved,
          "--storage", Files.createDirectories(dir.resolve("repository")).toString(), "--name", "m-" + suffix);
      assertThat(migrated.exitCode()).as(migrated.out() + migrated.err()).isZero();
      assertThat(migrated.out()).contains("Migration m-" + suffix + " completed.");
      assertThat(destination.client().configMaps().inNamespace(moved).withName("settings").get()).isNotNull();
      Instant migrationEnd = Instant.now();

      // Velero's location stays Available and its sync goes on after the migration ...
      GenericKubernetesResource location = source.client().genericKubernetesResources(VELERO_BSL)
          .inNamespace(LocalVelero.NAMESPACE).withName(LocalVelero.LOCATION).waitUntilCondition(l ->
              l != null && after(l, "lastSyncedTime", migrationEnd) && after(l, "lastValidationTime", migrationEnd),
              90, TimeUnit.SECONDS);
      assertThat(status(location, "phase")).isEqualTo("Available");
      // ... and a new Velero backup of the migrated application completes.
      String backup = "after-" + suffix;
      LocalVelero.Result created = velero.cli("backup", "create", backup, "--include-namespaces", app, "--wait");
      assertThat(created.exitCode()).as(created.output()).isZero();
      assertThat(velero.cli("backup", "get", backup).output()).containsPattern(backup + "\\s+Completed\\s+0\\s+0");
      velero.checkAlive();
    } finally {
      source.client().namespaces().withName(app).delete();
      destination.client().namespaces().withName(moved).delete();
    }
  }

  private static final ResourceDefinitionContext VELERO_BSL = new ResourceDefinitionContext.Builder()
      .withGroup("velero.io").withVersion("v1").withKind("BackupStorageLocation")
      .withPlural("backupstoragelocations").withNamespaced(true).build();

  private static String status(GenericKubernetesResource resource, String field) {
    Object status = resource.getAdditionalProperties().get("status");
    return status instanceof Map<?, ?> map && map.get(field) != null ? map.get(field).toString() : null;
  }

  /** Whether the status timestamp {@code field} is at or after {@code instant} (second precision). */
  private static boolean after(GenericKubernetesResource resource, String field, Instant instant) {
    String value = status(resource, field);
    return value != null && !Instant.parse(value).isBefore(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The Warnings and Errors sections of {@code velero restore describe}, the target namespace named NS. */
  static String problems(String describe, String namespace) {
    StringBuilder out = new StringBuilder();
    boolean in = false;
    for (String line : describe.split("\n")) {
      if (line.startsWith("Warnings:") || line.startsWith("Errors:")) {
        in = true;
      } else if (!line.startsWith(" ") && !line.isEmpty()) {
        in = false;
      }
      if (in) {
        out.append(line.replace(namespace, "NS")).append('\n');
      }
    }
    return out.toString();
  }

  /** The messages of a restore log's warning and error lines, the target namespace named NS. */
  static java.util.Set<String> logProblems(String log, String namespace) {
    return log.lines().filter(l -> l.contains("level=warning") || l.contains("level=error"))
        .map(l -> l.replaceAll("^time=\"[^\"]*\" ", "").replaceAll(" logSource=\"[^\"]*\"", "").replaceAll(" (restore|backup)=\\S+", "")
            .replace(namespace, "NS"))
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }

  /** The S3 credentials in Ferry's namespace, as Velero's credentials file. */
  private static void s3Credentials(KubernetesClient client, Testbed testbed) {
    client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("velero-s3")
        .endMetadata().addToStringData("cloud", LocalVelero.s3CredentialsFile(testbed.s3())).build())
        .fieldManager("ferry-test").serverSideApply();
  }

  /** Ferry's location on Velero's bucket, validated (and synced) every 5 s. */
  private static void createSharedLocation(KubernetesClient client, LocalVelero velero, Testbed testbed) {
    BackupLocations.s3(client, SHARED, velero.bucket(), testbed.s3().endpoint(), "velero-s3",
        "validationFrequency: 5s");
    BackupLocations.awaitAvailable(client, SHARED);
  }

  static boolean bound(PersistentVolumeClaim claim) {
    return claim != null && claim.getStatus() != null && "Bound".equals(claim.getStatus().getPhase());
  }
}
