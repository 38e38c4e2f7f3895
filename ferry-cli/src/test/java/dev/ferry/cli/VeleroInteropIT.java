package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.Crds;
import dev.ferry.api.velero.Backup;
import dev.ferry.api.velero.BackupStorageLocation;
import dev.ferry.api.velero.BackupStorageLocationPhase;
import dev.ferry.controller.FerryOperator;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.LocalVelero;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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

    Path kubeconfig = dir.resolve("kubeconfig");
    destination.writeKubeconfig(kubeconfig);
    Cli cli = new Cli(kubeconfig);
    prepareFerry(destination.client(), testbed, velero);
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
          .contains("widgets.interop.ferry.dev/v1/Widget:\n    - " + app + "/blue\n    - " + app + "/green\n");
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
    InteropApp.create(source.client(), app);
    Path kubeconfig = dir.resolve("kubeconfig");
    source.writeKubeconfig(kubeconfig);
    Cli cli = new Cli(kubeconfig);
    prepareFerry(source.client(), testbed, velero);
    try (FerryOperator operator = new FerryOperator(source.client(), NS, Clock.systemUTC()).start()) {
      createSharedLocation(source.client(), velero, testbed);
      CliRun created = cli.run("backup", "create", backup, "--include-namespaces", app, "--storage-location", SHARED,
          "--wait");
      assertThat(created.exitCode()).as(created.out() + created.err()).isZero();

      // Velero's sync (every 5 s here) creates its own Backup CR for Ferry's backup.
      source.client().resources(Backup.class).inNamespace(LocalVelero.NAMESPACE).withName(backup)
          .waitUntilCondition(b -> b != null, 90, TimeUnit.SECONDS);
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
      LocalVelero.Result described = velero.cli("restore", "describe", restore, "--details");
      assertThat(described.output()).as(described.output()).contains("Phase:  Completed")
          .doesNotContain("Warnings:").doesNotContain("Errors:");
      InteropApp.assertRestored(source.client(), copy);
      LocalVelero.Result restoreLogs = velero.cli("restore", "logs", restore);
      assertThat(restoreLogs.output()).as(restoreLogs.output())
          .doesNotContain("level=warning").doesNotContain("level=error")
          .doesNotContain("Cannot find BackupVolumeInfo");
    } finally {
      source.client().namespaces().withName(app).delete();
      source.client().namespaces().withName(copy).delete();
    }
  }

  /** Ferry's CRDs (Velero's are left as installed), its namespace and the S3 credentials there. */
  private static void prepareFerry(KubernetesClient client, Testbed testbed, LocalVelero velero) {
    new CrdInstaller(client).install(Crds.definitions(), 60);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .fieldManager("ferry-test").serverSideApply();
    client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("velero-s3")
        .endMetadata().addToStringData("cloud", LocalVelero.s3CredentialsFile(testbed.s3())).build())
        .fieldManager("ferry-test").serverSideApply();
  }

  /** Ferry's location on Velero's bucket, validated (and synced) every 5 s. */
  private static void createSharedLocation(KubernetesClient client, LocalVelero velero, Testbed testbed) {
    client.resource(io.fabric8.kubernetes.client.utils.Serialization.unmarshal("""
        apiVersion: velero.io/v1
        kind: BackupStorageLocation
        metadata: {name: %s, namespace: %s}
        spec:
          provider: aws
          objectStorage: {bucket: %s}
          credential: {name: velero-s3, key: cloud}
          validationFrequency: 5s
          config: {region: us-east-1, s3Url: "%s", s3ForcePathStyle: "true"}
        """.formatted(SHARED, NS, velero.bucket(), testbed.s3().endpoint()), BackupStorageLocation.class))
        .fieldManager("ferry-test").serverSideApply();
    client.resources(BackupStorageLocation.class).inNamespace(NS).withName(SHARED).waitUntilCondition(l ->
        l != null && l.getStatus() != null && l.getStatus().getPhase() == BackupStorageLocationPhase.AVAILABLE,
        60, TimeUnit.SECONDS);
  }

  /** The ferry command with this kubeconfig. */
  private record Cli(Path kubeconfig) {
    CliRun run(String... args) {
      List<String> all = new ArrayList<>(List.of(args));
      all.add("--kubeconfig");
      all.add(kubeconfig.toString());
      return CliRun.of(all.toArray(String[]::new));
    }
  }

  static boolean bound(PersistentVolumeClaim claim) {
    return claim != null && claim.getStatus() != null && "Bound".equals(claim.getStatus().getPhase());
  }
}
