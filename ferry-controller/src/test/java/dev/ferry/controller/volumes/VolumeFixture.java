package dev.ferry.controller.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.migration.Step;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.api.migration.volumes.DirectVolumeMigrationProgress;
import dev.ferry.controller.FerryCrds;
import dev.ferry.controller.InProcessController;
import dev.ferry.testbed.Testbed;
import dev.ferry.testsupport.BoundClaims;
import dev.ferry.testsupport.PlanFixture;
import dev.ferry.testsupport.SampleApps;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;

/**
 * What the volume migration ITs share: an application whose claim {@code data} is bound to a
 * hostPath volume the in-process mover reaches, a Ready plan that copies it, and the reports a
 * copy leaves (the DirectVolumeMigration, its progress CR, the migration's pipeline step).
 */
final class VolumeFixture {
  private static final String NS = PlanFixture.NS;

  private VolumeFixture() {
  }

  /** Namespace {@code app} with claim {@code data}, bound; returns the volume's directory. */
  static Path applicationWithVolume(KubernetesClient host, String app) {
    PlanFixture.apply(host, SampleApps.of(SampleApps.namespace(app), SampleApps.dataClaim(app)));
    return BoundClaims.directory(host, BoundClaims.await(host, app, "data", 60));
  }

  /**
   * A Ready plan {@code plan-<s>} for namespace {@code app} that copies claim {@code data};
   * {@code selectionExtra}: more fields of the volume's selection; {@code planExtra}: more lines of the spec.
   */
  static void declarePlan(Testbed testbed, String s, Path repository, String app, String selectionExtra,
                          String... planExtra) {
    KubernetesClient host = testbed.source().client();
    FerryCrds.install(host);
    String volume = host.persistentVolumeClaims().inNamespace(app).withName("data").get().getSpec().getVolumeName();
    StringBuilder extra = new StringBuilder("""
          persistentVolumes:
          - name: %s
            pvc: {name: data, namespace: %s, accessModes: [ReadWriteOnce]}
            selection: {action: copy, copyMethod: filesystem, storageClass: standard, %s}
        """.formatted(volume, app, selectionExtra));
    for (String line : planExtra) {
      extra.append("  ").append(line).append('\n');
    }
    PlanFixture.declare(host, testbed.destination(), s, repository, app, extra.toString());
    PlanFixture.markReady(host, s);
  }

  /** The migration and volume reconcilers on the host cluster, copying with {@code mover}, started. */
  static InProcessController controller(KubernetesClient host, VolumeMover mover) {
    return InProcessController.on(host).migrations().volumes(mover).start();
  }

  /** The directory of the destination's claim {@code data} in namespace {@code app}. */
  static Path destinationDirectory(Testbed testbed, String app) {
    return BoundClaims.directory(testbed.destination().client(), app, "data");
  }

  static void assertCompleted(MigMigration migration) {
    assertThat(migration.getStatus().getPhase()).as("%s", migration.getStatus().getErrors()).isEqualTo("Completed");
  }

  static DirectVolumeMigration dvm(KubernetesClient host, MigMigration migration) {
    return host.resources(DirectVolumeMigration.class).inNamespace(NS).withLabel("migmigration",
        migration.getMetadata().getUid()).list().getItems().get(0);
  }

  static DirectVolumeMigrationProgress onlyReport(KubernetesClient host, DirectVolumeMigration dvm) {
    List<DirectVolumeMigrationProgress> reports = host.resources(DirectVolumeMigrationProgress.class).inNamespace(NS)
        .withLabel("directvolumemigration", dvm.getMetadata().getUid()).list().getItems();
    assertThat(reports).hasSize(1);
    return reports.get(0);
  }

  static long bytes(DirectVolumeMigrationProgress report, String annotation) {
    return Long.parseLong(report.getMetadata().getAnnotations().get(annotation));
  }

  static Step step(MigMigration migration, String name) {
    return migration.getStatus().getPipeline().stream().filter(p -> p.getName().equals(name)).findFirst()
        .orElseThrow();
  }
}
