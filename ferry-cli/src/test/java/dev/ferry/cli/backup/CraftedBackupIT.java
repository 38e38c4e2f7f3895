package dev.ferry.cli.backup;

import dev.ferry.cli.CliCluster;
import dev.ferry.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.settings.MigrationController;
import dev.ferry.api.velero.location.BackupStorageLocation;
import dev.ferry.api.velero.restore.Restore;
import dev.ferry.backup.format.BackupLayout;
import dev.ferry.controller.FerryOperator;
import dev.ferry.objectstore.FilesystemObjectStore;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.BackupLocations;
import dev.ferry.testsupport.CraftedTarball;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup is untrusted input. Crafted archives, built here in code and put into a filesystem
 * repository as someone with write access to the bucket could, are restored through the real
 * Restore reconciler (Ferry's controller in-process) on a real API server, with {@code ferry
 * restore create} and {@code ferry restore describe}: nothing lands outside the mapped namespaces,
 * an item whose content disagrees with its path is an error that names both, a malformed item
 * fails the restore with nothing created, and the MigrationController's restore limits apply.
 */
@ExtendWith(TestbedExtension.class)
class CraftedBackupIT {
  private static final String NS = FerryOperator.DEFAULT_NAMESPACE;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void craftedBackupsWriteOnlyWhereTheRestoreWasAskedToWrite(Testbed testbed, @TempDir Path dir) throws IOException {
    CliCluster cli = CliCluster.prepare(testbed.destination(), dir);
    KubernetesClient client = cli.client();
    Path repository = Files.createDirectories(dir.resolve("repository"));
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "app-" + s;
    String copy = app + "-copy";
    String bystander = "bystander-" + s;
    String location = "crafted-" + s;
    String limitsCr = "a-limits-" + s;
    List<String> restores = new ArrayList<>();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(bystander)
        .addToLabels("team", "bystander").endMetadata().build()).create();

    try (FerryOperator operator = new FerryOperator(client, NS, Clock.systemUTC()).start();
         FilesystemObjectStore store = new FilesystemObjectStore(repository)) {
      BackupLocations.filesystem(client, location, repository, "default: true");
      BackupLocations.awaitAvailable(client, location);

      // 1. Items that point elsewhere than their path: errors naming the entry; the rest restored.
      String escape = "escape-" + s;
      String binding = "binding-" + s;
      put(store, "misfiled-" + s, CraftedTarball.velero()
          .file("resources/namespaces/cluster/" + app + ".json", namespace(app, Map.of()))
          // the restore includes only app: another namespace's Namespace object and items are left alone
          .file("resources/namespaces/cluster/" + bystander + ".json", namespace(bystander, Map.of("team", "attacker")))
          .file("resources/secrets/namespaces/" + bystander + "/stolen.json", """
              {"apiVersion":"v1","kind":"Secret","metadata":{"name":"stolen","namespace":"%s"}}""".formatted(bystander))
          .file("resources/configmaps/namespaces/" + app + "/settings.json", configMap("settings", app))
          .file("resources/configmaps/namespaces/" + app + "/" + escape + ".json", configMap(escape, "kube-system"))
          .file("resources/configmaps/namespaces/" + app + "/" + binding + ".json", """
              {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"%s"},
               "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"cluster-admin"},
               "subjects":[{"kind":"ServiceAccount","name":"default","namespace":"%s"}]}""".formatted(binding, app))
          .bytes());
      String misfiled = "r-misfiled-" + s;
      restores.add(misfiled);
      CliRun run = cli.run("restore", "create", misfiled, "--from-backup", "misfiled-" + s, "--include-namespaces",
          app, "--namespace-mappings", app + ":" + copy, "--existing-resource-policy", "update", "--wait");
      assertThat(run.out()).as(run.err()).contains("Phase:  PartiallyFailed");
      assertThat(client.configMaps().inNamespace(copy).withName("settings").get()).isNotNull();
      assertThat(client.configMaps().inNamespace("kube-system").withName(escape).get()).isNull();
      assertThat(client.configMaps().inNamespace(copy).withName(escape).get()).isNull();
      assertThat(client.configMaps().inNamespace(copy).withName(binding).get()).isNull();
      assertThat(client.rbac().clusterRoleBindings().withName(binding).get()).isNull();
      assertThat(client.secrets().inNamespace(bystander).withName("stolen").get()).isNull();
      assertThat(client.namespaces().withName(bystander).get().getMetadata().getLabels())
          .containsEntry("team", "bystander");
      assertThat(client.namespaces().withName(app).get()).as("only the mapped namespace is written").isNull();
      CliRun described = cli.run("restore", "describe", misfiled);
      assertThat(described.out()).as(described.err())
          .contains("error restoring configmaps/" + copy + "/" + escape + ": backup entry resources/configmaps/"
              + "namespaces/" + app + "/" + escape + ".json names namespace kube-system in metadata.namespace, but "
              + "its path puts it in namespace " + app + "; not restored")
          .contains("error restoring configmaps/" + copy + "/" + binding + ": backup entry resources/configmaps/"
              + "namespaces/" + app + "/" + binding + ".json holds a ClusterRoleBinding of apiVersion "
              + "rbac.authorization.k8s.io/v1, but its path files it under configmaps (API group core); "
              + "not restored");

      // 2. Malformed items: Failed before the first create, the reason naming the entry (and the limit).
      Map<String, String> malformed = new LinkedHashMap<>();
      malformed.put("deep", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"zz\"},"
          + "\"data\":" + "{\"a\":".repeat(300) + "1" + "}".repeat(300) + "}");
      malformed.put("invalid", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"zz\"");
      Map<String, String> reasons = Map.of(
          "deep", "nests deeper than the restore limit max_json_depth (256 levels); if the backup is genuine, "
              + "raise spec.restore_limits.max_json_depth on the MigrationController",
          "invalid", "is not valid JSON: ");
      for (var bad : malformed.entrySet()) {
        String backup = bad.getKey() + "-" + s;
        String target = app + "-" + bad.getKey();
        put(store, backup, CraftedTarball.velero()
            .file("resources/namespaces/cluster/" + app + ".json", namespace(app, Map.of()))
            .file("resources/configmaps/namespaces/" + app + "/aa.json", configMap("aa", app))
            .file("resources/configmaps/namespaces/" + app + "/zz.json", bad.getValue())
            .bytes());
        String restore = "r-" + backup;
        restores.add(restore);
        CliRun failed = cli.run("restore", "create", restore, "--from-backup", backup, "--namespace-mappings",
            app + ":" + target, "--wait");
        assertThat(failed.out()).as(bad.getKey()).contains("Phase:  Failed");
        assertThat(client.namespaces().withName(target).get()).as("nothing created from %s", bad.getKey()).isNull();
        String reason = "backup " + backup + " cannot be read: backup entry resources/configmaps/namespaces/" + app
            + "/zz.json " + reasons.get(bad.getKey());
        assertThat(client.resources(Restore.class).inNamespace(NS).withName(restore).get().getStatus()
            .getFailureReason()).as(bad.getKey()).startsWith(reason).endsWith("; nothing was restored");
        assertThat(cli.run("restore", "describe", restore).out()).as(bad.getKey()).contains(reason);
      }

      // 3. The MigrationController's limits apply to the next restore, and the refusal says how to raise them.
      client.resource(Serialization.unmarshal("""
          apiVersion: migration.openshift.io/v1alpha1
          kind: MigrationController
          metadata: {name: %s, namespace: %s}
          spec:
            restore_limits: {max_item_size: 1Ki}
          """.formatted(limitsCr, NS), MigrationController.class)).create();
      String large = "large-" + s;
      put(store, large, CraftedTarball.velero()
          .file("resources/configmaps/namespaces/" + app + "/big.json", """
              {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"big"},"data":{"k":"%s"}}"""
              .formatted("x".repeat(2000)))
          .bytes());
      restores.add("r-" + large);
      CliRun limited = cli.run("restore", "create", "r-" + large, "--from-backup", large, "--namespace-mappings",
          app + ":" + app + "-large", "--wait");
      assertThat(limited.out()).contains("Phase:  Failed");
      assertThat(cli.run("restore", "describe", "r-" + large).out()).contains("backup tarball entry resources/"
          + "configmaps/namespaces/" + app + "/big.json is larger than the restore limit max_item_size (1024 bytes); "
          + "if the backup is genuine, raise spec.restore_limits.max_item_size on the MigrationController");
      assertThat(client.namespaces().withName(app + "-large").get()).isNull();

      // 4. Links stay refused through the reconciler too.
      String linked = "linked-" + s;
      put(store, linked, CraftedTarball.velero()
          .symlink("resources/configmaps/namespaces/" + app + "/link.json", "/etc/passwd").bytes());
      restores.add("r-" + linked);
      CliRun links = cli.run("restore", "create", "r-" + linked, "--from-backup", linked, "--wait");
      assertThat(links.out()).contains("Phase:  Failed");
      assertThat(cli.run("restore", "describe", "r-" + linked).out()).contains("backup tarball entry "
          + "resources/configmaps/namespaces/" + app + "/link.json is a symbolic link (to /etc/passwd); only regular "
          + "files and directories are allowed");
    } finally {
      restores.forEach(r -> client.resources(Restore.class).inNamespace(NS).withName(r).delete());
      client.resources(MigrationController.class).inNamespace(NS).withName(limitsCr).delete();
      client.resources(BackupStorageLocation.class).inNamespace(NS).withName(location).delete();
      client.namespaces().withName(copy).delete();
      client.namespaces().withName(bystander).delete();
    }
  }

  /** Puts a crafted tarball where a backup of that name lives, with a minimal velero-backup.json. */
  private static void put(FilesystemObjectStore store, String name, byte[] tarball) {
    store.put(BackupLayout.ROOT.backupTarball(name), tarball);
    store.put(BackupLayout.ROOT.backupMetadata(name), ("{\"apiVersion\":\"velero.io/v1\",\"kind\":\"Backup\","
        + "\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + NS + "\"},\"status\":{\"phase\":\"Completed\"}}")
        .getBytes(StandardCharsets.UTF_8));
  }

  private static String namespace(String name, Map<String, String> labels) {
    return Serialization.asJson(new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels)
        .endMetadata().build());
  }

  private static String configMap(String name, String namespace) {
    return """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"%s","namespace":"%s"},"data":{"a":"b"}}"""
        .formatted(name, namespace);
  }
}
