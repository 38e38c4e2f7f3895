package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.api.velero.location.BackupStorageLocation;
import dev.ferry.controller.FerryOperator;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.Await;
import dev.ferry.testsupport.BackupLocations;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    CliCluster cli = CliCluster.prepare(testbed.source(), dir);
    LocalCluster cluster = cli.cluster();
    KubernetesClient client = cli.client();
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String app = "ctl-" + suffix;
    String location = "ctl-repo-" + suffix;

    Path jar = Path.of("target", "ferry-cli.jar").toAbsolutePath();
    assertThat(jar).exists();
    Path log = dir.resolve("controller.log");
    // Output goes to a file: reading a pipe races with the JDK draining it when the process exits.
    Process controller = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", jar + java.io.File.pathSeparator + jar.resolveSibling("lib") + "/*", "dev.ferry.cli.Main",
        "controller", "--metrics-port", "0", "--kubeconfig", cli.kubeconfig().toString()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    Supplier<String> output = () -> {
      try {
        return Files.readString(log);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    try {
      Await.until("the controller to be ready (or to exit)", Duration.ofSeconds(60),
          () -> output.get().contains("ferry controller ready") || !controller.isAlive(), output);
      assertThat(output.get()).contains("ferry controller ready: watching namespace " + NS + " of "
          + cluster.url());

      BackupLocations.filesystem(client, location, Files.createDirectories(dir.resolve("repository")), "");
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(app).endMetadata().build())
          .create();
      CliRun created = cli.run("backup", "create", "b-" + suffix, "--include-namespaces", app,
          "--storage-location", location, "--wait");
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
