package dev.ferry.cli.backup;

import dev.ferry.cli.CliCluster;
import dev.ferry.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.velero.location.BackupStorageLocation;
import dev.ferry.api.velero.restore.Restore;
import dev.ferry.controller.FerryOperator;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.BackupLocations;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup and restore commands against a real cluster, with Ferry's controller running
 * in-process: create and wait, get, describe (with details), logs, restore into a mapped
 * namespace, a warning for an object changed in the target, and delete.
 */
@ExtendWith(TestbedExtension.class)
class BackupRestoreCliIT {
  private static final String NS = FerryOperator.DEFAULT_NAMESPACE;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void backupDescribeLogsRestoreAndDelete(Testbed testbed, @TempDir Path dir) throws IOException {
    CliCluster cli = CliCluster.prepare(testbed.source(), dir);
    KubernetesClient client = cli.client();
    Path repository = Files.createDirectories(dir.resolve("repository"));
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String app = "shop-" + suffix;
    String copy = app + "-copy";
    String location = "repo-" + suffix;
    String backup = "b-" + suffix;
    String restore = "r-" + suffix;
    String second = "r2-" + suffix;

    try (FerryOperator operator = new FerryOperator(client, NS, Clock.systemUTC()).start()) {
      BackupLocations.filesystem(client, location, repository, "default: true");
      BackupLocations.awaitAvailable(client, location);
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(app).endMetadata().build())
          .create();
      for (String name : List.of("settings", "flags", "colors")) {
        client.configMaps().inNamespace(app).resource(new ConfigMapBuilder().withNewMetadata().withName(name)
            .endMetadata().addToData("currency", "EUR").build()).create();
      }

      // backup create --wait: the default location is written into the CR, the phase printed.
      CliRun created = cli.run("backup", "create", backup, "--include-namespaces", app, "--wait");
      assertThat(created.exitCode()).as(created.err()).isZero();
      assertThat(created.out()).contains("Backup request \"" + backup + "\" submitted successfully.")
          .contains("Phase:  Completed");

      CliRun twice = cli.run("backup", "create", backup, "--include-namespaces", app);
      assertThat(twice.exitCode()).isEqualTo(2);
      assertThat(twice.err()).startsWith("ferry: error: backup " + backup + " already exists in namespace " + NS);
      CliRun invalid = cli.run("backup", "create", "Not_A_Name", "--include-namespaces", app);
      assertThat(invalid.exitCode()).isEqualTo(2);
      assertThat(invalid.err()).startsWith("ferry: error: Backup.velero.io \"Not_A_Name\" is invalid");
      assertThat(invalid.err().lines()).hasSize(1);

      CliRun get = cli.run("backup", "get");
      assertThat(get.out().lines().findFirst().orElseThrow()).matches(
          "NAME\\s+STATUS\\s+ERRORS\\s+WARNINGS\\s+CREATED\\s+EXPIRES\\s+STORAGE LOCATION\\s+SELECTOR");
      assertThat(get.out()).containsPattern(backup + "\\s+Completed\\s+0\\s+0\\s+"
          + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d "
          + "\\+0000 UTC\\s+29d\\s+" + location + "\\s+<none>");
      assertThat(cli.run("backup", "get", backup, "-o", "json").out()).contains("\"phase\" : \"Completed\"");

      CliRun describe = cli.run("backup", "describe", backup, "--details");
      assertThat(describe.exitCode()).as(describe.err()).isZero();
      assertThat(describe.out()).contains("Name:         " + backup + "\n")
          .contains("Phase:  Completed\n")
          .contains("Namespaces:\n  Included:  " + app + "\n")
          .contains("Storage Location:  " + location + "\n")
          .contains("TTL:  720h0m0s\n")
          .contains("Resource List:\n")
          .contains("  v1/ConfigMap:\n    - " + app + "/colors\n    - " + app + "/flags\n")
          .contains("    - " + app + "/settings\n")
          .contains("  v1/Namespace:\n    - " + app + "\n");

      CliRun logs = cli.run("backup", "logs", backup);
      assertThat(logs.exitCode()).as(logs.err()).isZero();
      assertThat(logs.out().lines().toList()).isNotEmpty().allMatch(line -> line.startsWith("time=\"")
          && line.contains(" level=") && line.contains(" backup=" + NS + "/" + backup));
      assertThat(logs.out()).contains("msg=\"Backing up namespace " + app + "\"");

      // restore into a mapped namespace
      CliRun restored = cli.run("restore", "create", restore, "--from-backup", backup, "--namespace-mappings",
          app + ":" + copy, "--wait");
      assertThat(restored.exitCode()).as(restored.out() + restored.err()).isZero();
      assertThat(restored.out()).contains("Phase:  Completed");
      assertThat(client.configMaps().inNamespace(copy).list().getItems())
          .extracting(c -> c.getMetadata().getName()).contains("settings", "flags", "colors");

      // a second restore over a changed object: a warning filed under the target namespace
      client.configMaps().inNamespace(copy).withName("settings").edit(c -> {
        c.getData().put("currency", "USD");
        return c;
      });
      CliRun again = cli.run("restore", "create", second, "--from-backup", backup, "--namespace-mappings",
          app + ":" + copy, "--wait");
      assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
      assertThat(again.out()).contains("Phase:  Completed").containsPattern("Warnings:  \\d+ \\(run 'ferry restore "
          + "describe " + second + "' to see them\\)");
      CliRun described = cli.run("restore", "describe", second);
      assertThat(described.exitCode()).as(described.err()).isZero();
      assertThat(described.out()).contains("Phase:  Completed\n\nWarnings:\n  Velero:     <none>\n")
          // every message of the namespace starts in the same column (kube-root-ca.crt, re-created by the
          // cluster in each new namespace, may come first, as with Velero)
          .containsPattern("  Namespaces:\n    " + copy + ":  (.+\n {" + (copy.length() + 7) + "})*"
              + "could not restore, ConfigMap \"settings\" already exists. Warning: the in-cluster version is "
              + "different than the backed-up version.\n")
          .contains("Backup:  " + backup + "\n")
          .contains("Namespace mappings:  " + app + "=" + copy + "\n");
      assertThat(cli.run("restore", "logs", second).out()).contains("level=warning")
          .contains("restore=" + NS + "/" + second);
      assertThat(cli.run("restore", "get").out()).containsPattern(restore + "\\s+" + backup + "\\s+Completed")
          .containsPattern(second + "\\s+" + backup + "\\s+Completed");

      // unknown names are bad input
      CliRun unknown = cli.run("backup", "describe", "no-such-" + suffix);
      assertThat(unknown.exitCode()).isEqualTo(2);
      assertThat(unknown.err()).isEqualTo("ferry: error: backup no-such-" + suffix + " not found in namespace " + NS
          + "; list them with: ferry backup get\n");

      // delete: refused without --confirm, then the repository objects and the CR go
      assertThat(cli.run("backup", "delete", backup).exitCode()).isEqualTo(2);
      assertThat(files(repository.resolve("backups").resolve(backup))).hasSizeGreaterThanOrEqualTo(5);
      CliRun deleted = cli.run("backup", "delete", backup, "--confirm");
      assertThat(deleted.exitCode()).as(deleted.err()).isZero();
      assertThat(deleted.out()).contains("Backup \"" + backup + "\" deleted");
      assertThat(files(repository.resolve("backups").resolve(backup))).isEmpty();
      assertThat(cli.run("backup", "get", backup).err()).contains("backup " + backup + " not found");
    } finally {
      client.resources(Restore.class).inNamespace(NS).withName(restore).delete();
      client.resources(Restore.class).inNamespace(NS).withName(second).delete();
      client.resources(BackupStorageLocation.class).inNamespace(NS).withName(location).delete();
      client.namespaces().withName(app).delete();
      client.namespaces().withName(copy).delete();
    }
  }

  private static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return new ArrayList<>(walk.filter(Files::isRegularFile).toList());
    }
  }
}
