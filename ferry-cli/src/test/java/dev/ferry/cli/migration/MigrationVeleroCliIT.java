package dev.ferry.cli.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.Crds;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.restore.Restore;
import dev.ferry.cli.CliRun;
import dev.ferry.cli.CrdInstaller;
import dev.ferry.cli.plan.PlanTable;
import dev.ferry.controller.FerryOperator;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.EstablishedCrds;
import dev.ferry.testsupport.Manifests;
import dev.ferry.testsupport.PlanFixture;
import dev.ferry.testsupport.SampleApps;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's debugging flow on a partially failed cutover (a custom resource whose kind the
 * destination serves at another version), with Ferry's whole controller in-process: MigMigration
 * → its Backups on the source → its Restores on the destination, described and their logs read
 * with {@code ferry backup|restore describe|logs}, as {@code velero} shows them. The outputs are
 * printed (docs/migrations.md quotes them).
 */
@ExtendWith(TestbedExtension.class)
class MigrationVeleroCliIT {
  private static final String NS = PlanFixture.NS;

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void aPartiallyFailedCutoverIsDebuggedThroughItsBackupsAndRestores(Testbed testbed, @TempDir Path dir)
      throws Exception {
    LocalCluster source = testbed.source();
    LocalCluster destination = testbed.destination();
    KubernetesClient host = source.client();
    KubernetesClient dest = destination.client();
    for (KubernetesClient cluster : List.of(host, dest)) {
      // Velero's API on both clusters, as MTC installs it on every cluster it migrates with.
      new CrdInstaller(cluster).install(Crds.definitions(), 60);
      cluster.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
          .fieldManager("ferry-test").serverSideApply();
    }
    Path sourceConfig = dir.resolve("source.kubeconfig");
    source.writeKubeconfig(sourceConfig);
    Path destConfig = dir.resolve("destination.kubeconfig");
    destination.writeKubeconfig(destConfig);
    Path repository = Files.createDirectories(dir.resolve("repository"));
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "migration-example-" + s;
    String group = "g" + s + ".example.com";

    try (FerryOperator operator = new FerryOperator(host, NS, Clock.systemUTC()).start()) {
      Manifests.create(host, crd(group, "v1"));
      Manifests.create(dest, crd(group, "v2"));
      for (KubernetesClient cluster : List.of(host, dest)) {
        EstablishedCrds.await(cluster, "examples." + group);
      }
      Manifests.create(host, SampleApps.of(SampleApps.namespace(app), SampleApps.settings(app), """
          apiVersion: %2$s/v1
          kind: Example
          metadata: {name: migration-example, namespace: %1$s}
          spec: {size: 3}
          """.formatted(app, group)));
      PlanFixture.declare(host, destination, s, repository, app, "");
      String plan = "plan-" + s;
      host.resources(MigPlan.class).inNamespace(NS).withName(plan).waitUntilCondition(PlanTable::ready,
          120, TimeUnit.SECONDS);

      String cutover = "cutover-" + s;
      CliRun migrated = show(sourceConfig, "migrate", plan, "--cutover", "--name", cutover, "--wait");
      assertThat(migrated.exitCode()).as(migrated.out() + migrated.err()).isZero();
      MigMigration done = host.resources(MigMigration.class).inNamespace(NS).withName(cutover).get();
      String uid = done.getMetadata().getUid();
      String finalRestore = dest.resources(Restore.class).inNamespace(NS).withLabel("migration-final-restore", uid)
          .list().getItems().get(0).getMetadata().getName();
      String initialBackup = host.resources(Backup.class).inNamespace(NS).withLabel("migration-initial-backup", uid)
          .list().getItems().get(0).getMetadata().getName();

      CliRun status = show(sourceConfig, "migration", "get", cutover, "-o", "yaml");
      assertThat(status.out()).contains("type: \"VeleroFinalRestorePartiallyFailed\"")
          .contains("type: \"SucceededWithWarnings\"");
      assertThat(done.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getMessage())
          .isEqualTo("Final Restore " + NS + "/" + finalRestore + ": partially failed on destination cluster"));
      CliRun describe = show(sourceConfig, "migration", "describe", cutover);
      assertThat(describe.exitCode()).as(describe.err()).isZero();

      CliRun backups = show(sourceConfig, "backup", "get");
      assertThat(backups.out()).contains(initialBackup);
      assertThat(backups.out().lines().filter(l -> l.startsWith(cutover + "-"))).hasSize(2);
      CliRun backup = show(sourceConfig, "backup", "describe", initialBackup);
      assertThat(backup.exitCode()).as(backup.err()).isZero();
      assertThat(backup.out()).containsPattern("Phase:\\s+Completed");

      CliRun restores = show(destConfig, "restore", "get");
      assertThat(restores.out().lines().filter(l -> l.startsWith(cutover + "-"))).hasSize(2);
      CliRun restore = show(destConfig, "restore", "describe", finalRestore, "--details");
      assertThat(restore.exitCode()).as(restore.err()).isZero();
      assertThat(restore.out())
          .containsPattern("Phase:\\s+PartiallyFailed \\(run 'ferry restore logs " + finalRestore
              + "' for more information\\)")
          .containsPattern("Errors:\\n\\s+Velero:\\s+<none>\\n\\s+Cluster:\\s+<none>\\n\\s+Namespaces:\\n\\s+"
              + app + ":\\s+error restoring")
          .contains("the server could not find the requested resource");
      CliRun logs = show(destConfig, "restore", "logs", finalRestore);
      assertThat(logs.exitCode()).as(logs.err()).isZero();
      assertThat(logs.out()).contains("restore=" + NS + "/" + finalRestore)
          .contains("the server could not find the requested resource");
    }
  }

  /** Runs the CLI and prints what a user would see, for the docs. */
  private static CliRun show(Path kubeconfig, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--kubeconfig";
    all[1] = kubeconfig.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    CliRun run = CliRun.of(all);
    System.out.println("$ ferry " + String.join(" ", args) + "\n" + run.out() + run.err());
    return run;
  }

  private static String crd(String group, String version) {
    return SampleApps.crd("example", "Example", group, version);
  }
}
