package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.api.velero.backup.BackupStatus;
import dev.ferry.testbed.ClusterOptions;
import dev.ferry.testbed.LocalCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a cluster whose velero.io CRDs Velero 1.18.3 installed itself ({@code velero install
 * --crds-only}, the real binary from scripts/build-velero.sh), {@code ferry crds install} leaves
 * them, and Ferry's model stores and updates a Backup with Velero's fields through them. Runs
 * on a cluster of its own: the shared testbed clusters must keep Ferry's CRDs.
 */
class BesideVeleroCrdsIT {

  private static Path velero() {
    Path bin = Path.of(System.getProperty("user.home"), ".cache", "ferry", "bin", "velero-v1.18.3", "velero");
    String cache = System.getenv("FERRY_CACHE");
    if (cache != null) {
      bin = Path.of(cache, "bin", "velero-v1.18.3", "velero");
    }
    assertThat(bin).as("Velero is built by scripts/build-velero.sh (run by scripts/testbed-binaries.sh)")
        .isExecutable();
    return bin;
  }

  @Test
  void ferryLeavesVelerosCrdsAndWorksWithThem(@TempDir Path dir) throws Exception {
    try (LocalCluster cluster = LocalCluster.start("velero-crds", dir.resolve("cluster"),
        ClusterOptions.apiServerOnly())) {
      Process install = new ProcessBuilder(velero().toString(), "install", "--crds-only",
          "--kubeconfig", cluster.kubeconfig().toString()).redirectErrorStream(true)
          .redirectOutput(dir.resolve("velero-install.log").toFile()).start();
      assertThat(install.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(install.exitValue()).as(Files.readString(dir.resolve("velero-install.log"))).isZero();
      KubernetesClient client = cluster.client();
      CustomResourceDefinition before = client.apiextensions().v1().customResourceDefinitions()
          .withName("backups.velero.io").get();
      assertThat(before).isNotNull();

      Path kubeconfig = dir.resolve("kubeconfig");
      cluster.writeKubeconfig(kubeconfig);
      CliRun run = CliRun.of("crds", "install", "--kubeconfig", kubeconfig.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err().lines().filter(l -> l.contains("left as installed")).toList())
          .hasSize(4).allMatch(l -> l.contains("Ferry works with it"));
      for (String name : List.of("backups", "restores", "backupstoragelocations", "volumesnapshotlocations")) {
        CustomResourceDefinition after = client.apiextensions().v1().customResourceDefinitions()
            .withName(name + ".velero.io").get();
        assertThat(after.getMetadata().getManagedFields()).noneMatch(m -> "ferry".equals(m.getManager()));
      }
      assertThat(client.apiextensions().v1().customResourceDefinitions().withName("backups.velero.io").get()
          .getMetadata().getResourceVersion()).isEqualTo(before.getMetadata().getResourceVersion());

      // Ferry's model through Velero's CRD: Velero 1.18 fields are stored, and a status written as
      // Ferry writes it (whole-object update, no /status) is kept along with them.
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("velero").endMetadata()
          .build()).create();
      Backup backup = new KubernetesSerialization().unmarshal("""
          {"apiVersion":"velero.io/v1","kind":"Backup","metadata":{"name":"b1","namespace":"velero"},
           "spec":{"includedNamespaces":["shop"],"snapshotMoveData":true,"itemOperationTimeout":"4h0m0s",
             "uploaderConfig":{"parallelFilesUpload":3}}}""", Backup.class);
      Backup created = client.resource(backup).create();
      BackupStatus status = new BackupStatus();
      status.setPhase(BackupPhase.COMPLETED);
      status.setQueuePosition(0);
      created.setStatus(status);
      client.resource(created).update();
      Backup read = client.resources(Backup.class).inNamespace("velero").withName("b1").get();
      assertThat(read.getStatus().getPhase()).isEqualTo(BackupPhase.COMPLETED);
      assertThat(read.getSpec().getSnapshotMoveData()).isTrue();
      assertThat(read.getSpec().getUploaderConfig().getParallelFilesUpload()).isEqualTo(3);
    }
  }
}
