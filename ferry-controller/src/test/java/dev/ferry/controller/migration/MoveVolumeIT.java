package dev.ferry.controller.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.controller.FerryCrds;
import dev.ferry.controller.InProcessController;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.MigrationRuns;
import dev.ferry.testsupport.PlanFixture;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code move} action: an NFS volume is not copied; the destination gets a PV pointing at the
 * same export, bound to the restored claim, and the source PV is retained (original policy saved)
 * until a rollback puts the policy back.
 */
@ExtendWith(TestbedExtension.class)
class MoveVolumeIT {
  private static final String NS = PlanFixture.NS;

  @Test
  void aMovedNfsVolumeIsMountedByTheDestinationAndRetainedOnTheSource(Testbed testbed, @TempDir Path repository) {
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "move-" + s;
    String pvName = "nfs-" + s;
    KubernetesClient host = testbed.source().client();
    KubernetesClient dest = testbed.destination().client();
    FerryCrds.install(host);
    PlanFixture.apply(host, """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %1$s}
        ---
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: %2$s}
        spec:
          capacity: {storage: 1Gi}
          accessModes: [ReadWriteMany]
          persistentVolumeReclaimPolicy: Delete
          storageClassName: ""
          nfs: {server: nfs.example.internal, path: /exports/%1$s}
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: shared, namespace: %1$s}
        spec:
          accessModes: [ReadWriteMany]
          storageClassName: ""
          volumeName: %2$s
          resources: {requests: {storage: 1Gi}}
        """.formatted(app, pvName));
    host.persistentVolumeClaims().inNamespace(app).withName("shared").waitUntilCondition(c ->
        c.getStatus() != null && "Bound".equals(c.getStatus().getPhase()), 60, TimeUnit.SECONDS);
    PlanFixture.declare(host, testbed.destination(), s, repository, app, """
          persistentVolumes:
          - name: %s
            pvc: {name: shared, namespace: %s}
            selection: {action: move}
        """.formatted(pvName, app));
    PlanFixture.markReady(host, s);

    try (InProcessController controller = InProcessController.on(host).migrations().start()) {
      MigMigration cutover = controller.run(migration("cutover-" + s, s, false));
      assertThat(cutover.getStatus().getPhase()).as("%s", cutover.getStatus().getErrors()).isEqualTo("Completed");
      assertThat(cutover.getStatus().getConditions()).noneMatch(c -> "VolumeDataNotCopied".equals(c.getType()));

      PersistentVolume retained = host.persistentVolumes().withName(pvName).get();
      assertThat(retained.getSpec().getPersistentVolumeReclaimPolicy()).isEqualTo("Retain");
      assertThat(retained.getMetadata().getAnnotations()).containsEntry(MovedVolumes.ORIGINAL_POLICY, "Delete");

      PersistentVolume moved = dest.persistentVolumes().withName(pvName).get();
      assertThat(moved).as("the PV is recreated on the destination").isNotNull();
      assertThat(moved.getSpec().getNfs().getServer()).isEqualTo("nfs.example.internal");
      assertThat(moved.getSpec().getNfs().getPath()).isEqualTo("/exports/" + app);
      try {
        dest.persistentVolumeClaims().inNamespace(app).withName("shared").waitUntilCondition(c ->
            c != null && c.getStatus() != null && "Bound".equals(c.getStatus().getPhase()), 30, TimeUnit.SECONDS);
      } catch (io.fabric8.kubernetes.client.KubernetesClientTimeoutException e) {
        throw new AssertionError("the restored claim did not bind to the moved PV:\n"
            + Serialization.asYaml(dest.persistentVolumes().withName(pvName).get())
            + Serialization.asYaml(dest.persistentVolumeClaims().inNamespace(app).withName("shared").get()), e);
      }
      assertThat(dest.persistentVolumeClaims().inNamespace(app).withName("shared").get().getSpec().getVolumeName())
          .isEqualTo(pvName);

      MigMigration rollback = controller.run(migration("rollback-" + s, s, true));
      assertThat(rollback.getStatus().getPhase()).as("%s", rollback.getStatus().getErrors()).isEqualTo("Completed");
      PersistentVolume restored = host.persistentVolumes().withName(pvName).get();
      assertThat(restored.getSpec().getPersistentVolumeReclaimPolicy()).isEqualTo("Delete");
      assertThat(restored.getMetadata().getAnnotations()).doesNotContainKey(MovedVolumes.ORIGINAL_POLICY);
      assertThat(dest.persistentVolumeClaims().inNamespace(app).withName("shared").get()).isNull();
    }
  }

  private static String migration(String name, String s, boolean rollback) {
    return MigrationRuns.manifest(name, s, "stage: false\nrollback: " + rollback + "\nquiescePods: true");
  }
}
