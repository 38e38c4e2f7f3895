package dev.ferry.controller.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.api.velero.restore.Restore;
import dev.ferry.api.velero.restore.RestorePhase;
import dev.ferry.controller.FerryOperator;
import dev.ferry.controller.InProcessController;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.PlanFixture;
import dev.ferry.testsupport.EstablishedCrds;
import dev.ferry.testsupport.MigrationRuns;
import dev.ferry.testsupport.SampleApps;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cutover through the controller leaves MTC's four Velero CRs — two Backups on the source,
 * two Restores on the (remote) destination — labelled and annotated as MTC's are. The
 * application holds a custom resource whose CRD the destination serves only at another version
 * (the seed's "部分迁移失败" case): the final restore is PartiallyFailed and the migration
 * completes with the seed's Warn and SucceededWithWarnings conditions.
 */
@ExtendWith(TestbedExtension.class)
class VeleroCrsIT {
  private static final String NS = FerryOperator.DEFAULT_NAMESPACE;

  @Test
  void aCutoverLeavesTwoBackupsAndTwoRestoresAndAPartialRestoreWarns(Testbed testbed, @TempDir Path repository) {
    LocalCluster source = testbed.source();
    KubernetesClient host = source.client();
    KubernetesClient dest = testbed.destination().client();
    dev.ferry.controller.FerryCrds.install(host);
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "crs-" + s;
    String group = "g" + s + ".example.com";
    PlanFixture.apply(host, SampleApps.of(crd(group, "v1"), SampleApps.namespace(app), SampleApps.settings(app)));
    // The destination knows the kind only at v2: the restore cannot create the v1 object.
    PlanFixture.apply(dest, crd(group, "v2"));
    for (KubernetesClient cluster : List.of(host, dest)) {
      EstablishedCrds.await(cluster, "widgets." + group);
    }
    PlanFixture.apply(host, """
        apiVersion: %s/v1
        kind: Widget
        metadata: {name: migration-example, namespace: %s}
        spec: {size: 3}
        """.formatted(group, app));
    PlanFixture.declare(host, testbed.destination(), s, repository, app, "");
    PlanFixture.markReady(host, s);

    try (InProcessController controller = InProcessController.on(host).migrations().start()) {
      MigMigration done = controller.run(MigrationRuns.cutover(s, true));
      assertThat(done.getStatus().getPhase()).as("%s", done.getStatus().getErrors()).isEqualTo("Completed");
      String uid = done.getMetadata().getUid();

      List<Backup> backups = host.resources(Backup.class).inNamespace(NS).withLabel("migmigration", uid).list()
          .getItems();
      assertThat(backups).hasSize(2).allSatisfy(b -> {
        assertThat(b.getMetadata().getName()).startsWith("cutover-" + s + "-");
        assertThat(b.getMetadata().getGenerateName()).isEqualTo("cutover-" + s + "-");
        assertThat(b.getMetadata().getLabels()).containsEntry("app.kubernetes.io/part-of", "migration")
            .containsKey("velero.io/storage-location");
        assertThat(b.getMetadata().getAnnotations()).containsEntry("openshift.io/migrate-copy-phase", "final")
            .containsEntry("openshift.io/migrate-quiesce-pods", "true")
            .containsKeys("openshift.io/migration-registry", "openshift.io/migration-registry-dir");
        assertThat(b.getSpec().getTtl()).isEqualTo("720h0m0s");
        assertThat(b.getSpec().getStorageLocation()).isEqualTo(b.getMetadata().getLabels().get("velero.io/storage-location"));
        assertThat(b.getStatus().getPhase()).isEqualTo(BackupPhase.COMPLETED);
      });
      Backup initial = only(backups, "migration-initial-backup", uid);
      Backup stage = only(backups, "migration-stage-backup", uid);
      assertThat(stage.getSpec().getIncludedResources()).contains("persistentvolumeclaims", "persistentvolumes");
      assertThat(stage.getSpec().getLabelSelector().getMatchLabels()).containsEntry("migration-included-stage-backup", uid);
      assertThat(initial.getSpec().getIncludedNamespaces()).containsExactly(app);

      List<Restore> restores = dest.resources(Restore.class).inNamespace(NS).withLabel("migmigration", uid).list()
          .getItems();
      assertThat(restores).hasSize(2).allSatisfy(r -> {
        assertThat(r.getMetadata().getGenerateName()).isEqualTo("cutover-" + s + "-");
        assertThat(r.getMetadata().getLabels()).containsEntry("app.kubernetes.io/part-of", "migration");
        assertThat(r.getMetadata().getAnnotations()).containsEntry("openshift.io/migrate-copy-phase", "final");
        assertThat(r.getSpec().getRestorePVs()).isTrue();
        assertThat(r.getSpec().getExcludedResources()).containsExactly("nodes", "events", "events.events.k8s.io",
            "backups.velero.io", "restores.velero.io", "resticrepositories.velero.io");
      });
      Restore stageRestore = onlyRestore(restores, "migration-stage-restore", uid);
      Restore finalRestore = onlyRestore(restores, "migration-final-restore", uid);
      assertThat(stageRestore.getSpec().getBackupName()).isEqualTo(stage.getMetadata().getName());
      assertThat(stageRestore.getStatus().getPhase()).isEqualTo(RestorePhase.COMPLETED);
      assertThat(finalRestore.getSpec().getBackupName()).isEqualTo(initial.getMetadata().getName());
      assertThat(finalRestore.getStatus().getPhase()).isEqualTo(RestorePhase.PARTIALLY_FAILED);
      assertThat(finalRestore.getStatus().getErrors()).isPositive();

      assertThat(done.getStatus().getConditions()).anySatisfy(c -> {
        assertThat(c.getType()).isEqualTo("VeleroFinalRestorePartiallyFailed");
        assertThat(c.getCategory()).hasToString("Warn");
        assertThat(c.getMessage()).isEqualTo("Final Restore " + NS + "/" + finalRestore.getMetadata().getName()
            + ": partially failed on destination cluster");
      }).anySatisfy(c -> {
        assertThat(c.getType()).isEqualTo("SucceededWithWarnings");
        assertThat(c.getCategory()).hasToString("Advisory");
        assertThat(c.getReason()).isEqualTo("Completed");
        assertThat(c.getMessage()).endsWith("please look at `Warn` conditions.");
      }).extracting(Condition::getType).doesNotContain("Succeeded");
      // The rest of the namespace was restored; the object of the unknown version was not.
      assertThat(dest.configMaps().inNamespace(app).withName("settings").get()).isNotNull();
      assertThat(host.resources(MigMigration.class).inNamespace(NS).withName("cutover-" + s).get().getStatus()
          .getPipeline()).extracting(dev.ferry.api.migration.migration.Step::getName)
          .containsSubsequence("Backup", "StageBackup", "StageRestore", "Restore");
    }
  }

  private static Backup only(List<Backup> backups, String label, String uid) {
    return backups.stream().filter(b -> uid.equals(b.getMetadata().getLabels().get(label))).reduce((a, b) -> {
      throw new AssertionError("two backups labelled " + label);
    }).orElseThrow(() -> new AssertionError("no backup labelled " + label));
  }

  private static Restore onlyRestore(List<Restore> restores, String label, String uid) {
    return restores.stream().filter(r -> uid.equals(r.getMetadata().getLabels().get(label))).reduce((a, b) -> {
      throw new AssertionError("two restores labelled " + label);
    }).orElseThrow(() -> new AssertionError("no restore labelled " + label));
  }

  private static String crd(String group, String version) {
    return SampleApps.crd("widget", "Widget", group, version);
  }
}
