package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.Crds;
import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.api.velero.location.BackupStorageLocation;
import dev.ferry.controller.FerryOperator;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry controller} as bin/ferry runs it: processes a Backup, then stops cleanly on SIGTERM. */
@ExtendWith(TestbedExtension.class)
class ControllerCommandIT {
  private static final String NS = FerryOperator.DEFAULT_NAMESPACE;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void processesBackupsUntilTerminated(Testbed testbed, @TempDir Path dir) throws Exception {
    LocalCluster cluster = testbed.source();
    KubernetesClient client = cluster.client();
    new CrdInstaller(client).install(Crds.definitions(), 60);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .fieldManager("ferry-test").serverSideApply();
    Path kubeconfig = dir.resolve("kubeconfig");
    cluster.writeKubeconfig(kubeconfig);
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String app = "ctl-" + suffix;
    String location = "ctl-repo-" + suffix;

    Path jar = Path.of("target", "ferry-cli.jar").toAbsolutePath();
    assertThat(jar).exists();
    Path log = dir.resolve("controller.log");
    // Output goes to a file: reading a pipe races with the JDK draining it when the process exits.
    Process controller = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", jar + java.io.File.pathSeparator + jar.resolveSibling("lib") + "/*", "dev.ferry.cli.Main",
        "controller", "--metrics-port", "0", "--kubeconfig", kubeconfig.toString()).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
    Supplier<String> output = () -> {
      try {
        return Files.readString(log);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!output.get().contains("ferry controller ready") && controller.isAlive()
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(output.get()).contains("ferry controller ready: watching namespace " + NS + " of "
          + cluster.url());

      client.resource(Serialization.unmarshal("""
          apiVersion: velero.io/v1
          kind: BackupStorageLocation
          metadata: {name: %s, namespace: %s}
          spec:
            provider: filesystem
            objectStorage: {bucket: %s}
          """.formatted(location, NS, Files.createDirectories(dir.resolve("repository"))),
          BackupStorageLocation.class)).create();
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(app).endMetadata().build())
          .create();
      CliRun created = CliRun.of("backup", "create", "b-" + suffix, "--include-namespaces", app,
          "--storage-location", location, "--wait", "--kubeconfig", kubeconfig.toString());
      assertThat(created.exitCode()).as(created.out() + created.err() + output.get()).isZero();
      assertThat(client.resources(Backup.class).inNamespace(NS).withName("b-" + suffix).get().getStatus().getPhase())
          .isEqualTo(BackupPhase.COMPLETED);

      controller.destroy(); // SIGTERM
      assertThat(controller.waitFor(30, TimeUnit.SECONDS)).as(output.get()).isTrue();
      assertThat(output.get()).contains("ferry controller stopped").doesNotContain("Exception")
          .doesNotContain("ferry: error");
    } finally {
      controller.destroyForcibly();
      client.resources(Backup.class).inNamespace(NS).withName("b-" + suffix).delete();
      client.resources(BackupStorageLocation.class).inNamespace(NS).withName(location).delete();
      client.namespaces().withName(app).delete();
    }
  }
}
