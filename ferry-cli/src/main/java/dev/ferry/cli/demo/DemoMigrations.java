package dev.ferry.cli.demo;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.api.migration.volumes.DirectVolumeMigrationProgress;
import dev.ferry.cli.OperationFailed;
import dev.ferry.cli.migration.MigrationResources;
import dev.ferry.cli.migration.MigrationWatch;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.PrintWriter;

/** The demo's migrations: run one and follow it, then print what its volume copy did. */
final class DemoMigrations {
  private DemoMigrations() {
  }

  /**
   * What the cutover's volume copy reported per claim: the last message of each progress report of
   * its DirectVolumeMigration (with {@code verify: true} it ends "verified": every file compared).
   */
  static void printVolumeCopy(KubernetesClient host, MigrationResources migrations, String cutoverName) {
    MigMigration cutover = migrations.migrationOrNull(cutoverName);
    if (cutover == null) {
      return;
    }
    for (DirectVolumeMigration dvm : host.resources(DirectVolumeMigration.class).inNamespace(DemoCommand.MIGRATION_NS)
        .withLabel("migmigration", cutover.getMetadata().getUid()).list().getItems()) {
      for (DirectVolumeMigrationProgress report : host.resources(DirectVolumeMigrationProgress.class)
          .inNamespace(DemoCommand.MIGRATION_NS).withLabel("directvolumemigration", dvm.getMetadata().getUid()).list().getItems()) {
        var claim = report.getSpec() == null ? null : report.getSpec().getPvcRef();
        System.out.println("  volume copy of " + (claim == null ? report.getMetadata().getName()
            : claim.getNamespace() + "/" + claim.getName()) + " (DirectVolumeMigration " + dvm.getMetadata().getName()
            + "): " + (report.getStatus() == null ? "(no report)" : report.getStatus().getLogMessage()));
      }
    }
  }

  /**
   * How long the migration's DirectVolume step took (the pipeline's times, whole seconds) and by
   * which launcher: the number to compare between {@code --real-nodes} and in-process.
   */
  static void printVolumeStep(MigrationResources migrations, String name, boolean pods) {
    MigMigration migration = migrations.migrationOrNull(name);
    if (migration == null || migration.getStatus() == null || migration.getStatus().getPipeline() == null) {
      return;
    }
    migration.getStatus().getPipeline().stream().filter(s -> "DirectVolume".equals(s.getName())
            && s.getStarted() != null && s.getCompleted() != null).findFirst()
        .ifPresent(s -> System.out.println("  " + name + ": volume copy (DirectVolume step) took "
            + java.time.Duration.between(java.time.Instant.parse(s.getStarted()),
            java.time.Instant.parse(s.getCompleted())).toSeconds() + " s "
            + (pods ? "through transfer pods on the real nodes" : "in this process")));
  }

  /** Creates the migration, follows it (printing the pipeline), then prints its conditions. */
  static boolean migrate(KubernetesClient host, MigrationResources migrations, String name, boolean stage) {
    host.resource(Serialization.unmarshal(DemoManifests.migration(name, stage), MigMigration.class))
        .fieldManager("ferry-demo").forceConflicts().serverSideApply();
    MigrationWatch watch = new MigrationWatch(migrations, name, System.out, new PrintWriter(System.err, true));
    try {
      watch.follow();
      return true;
    } catch (OperationFailed e) {
      System.out.println(e.getMessage());
      return false;
    } finally {
      MigMigration ended = migrations.migrationOrNull(name);
      if (ended != null && ended.getStatus() != null && ended.getStatus().getConditions() != null) {
        ended.getStatus().getConditions().forEach(c -> System.out.println("  " + c.getType() + " ("
            + (c.getCategory() == null ? "" : c.getCategory().value()) + "): " + c.getMessage()));
      }
    }
  }
}
