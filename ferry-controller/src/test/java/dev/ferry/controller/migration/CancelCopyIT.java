package dev.ferry.controller.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.controller.FerryCrds;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.controller.volumes.DirectVolumeMigrationReconciler;
import dev.ferry.controller.volumes.InProcessVolumeLauncher;
import dev.ferry.controller.volumes.LibraryVolumeMover;
import dev.ferry.controller.volumes.VolumeMover;
import dev.ferry.objectstore.FilesystemObjectStore;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.PlanFixture;
import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.TransferProgress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canceling a cutover while its volume copy runs stops the copy: the mover is interrupted, the
 * DirectVolumeMigration ends Canceled, the destination claim (with whatever reached it) stays for
 * a later migration to resume, and the source application runs again.
 */
@ExtendWith(TestbedExtension.class)
class CancelCopyIT {
  private static final String NS = PlanFixture.NS;

  @Test
  void cancelDuringTheVolumeCopyStopsTheMover(Testbed testbed, @TempDir Path repository) throws Exception {
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "cancelcopy-" + s;
    KubernetesClient host = testbed.source().client();
    KubernetesClient dest = testbed.destination().client();
    FerryCrds.install(host);
    PlanFixture.apply(host, """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %1$s}
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data, namespace: %1$s}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: %1$s}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: registry.example/web:1}]
              volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
        """.formatted(app));
    String volume = host.persistentVolumeClaims().inNamespace(app).withName("data").waitUntilCondition(c ->
        c.getStatus() != null && "Bound".equals(c.getStatus().getPhase()), 90, TimeUnit.SECONDS).getSpec().getVolumeName();
    PlanFixture.declare(host, testbed.destination(), s, repository, app, """
          persistentVolumes:
          - name: %s
            pvc: {name: data, namespace: %s}
            selection: {action: copy, copyMethod: filesystem, storageClass: standard}
        """.formatted(volume, app));
    PlanFixture.markReady(host, s);

    StallingMover mover = new StallingMover(new LibraryVolumeMover());
    Operator operator = new Operator(o -> o.withKubernetesClient(host).withCloseClientOnStop(false));
    try (ClusterClients clusters = new ClusterClients(host);
         InProcessVolumeLauncher volumes = new InProcessVolumeLauncher(mover, 2)) {
      java.util.function.Function<dev.ferry.api.migration.storage.MigStorage, ObjectStore> storage =
          st -> new FilesystemObjectStore(Path.of(st.getSpec().getBackupStorageConfig().getFilesystemPath()));
      operator.register(new MigrationReconciler(clusters, storage, Clock.systemUTC()),
          c -> c.settingNamespaces(Set.of(NS)));
      operator.register(new DirectVolumeMigrationReconciler(clusters, storage, mover, volumes, Clock.systemUTC()),
          c -> c.settingNamespaces(Set.of(NS)));
      operator.start();
      host.resource(Serialization.unmarshal("""
          apiVersion: migration.openshift.io/v1alpha1
          kind: MigMigration
          metadata: {name: cutover-%1$s, namespace: %2$s}
          spec:
            stage: false
            quiescePods: true
            migPlanRef: {name: plan-%1$s, namespace: %2$s}
          """.formatted(s, NS), MigMigration.class)).create();
      assertThat(mover.copying.await(180, TimeUnit.SECONDS)).as("the volume copy started").isTrue();

      var migrations = host.resources(MigMigration.class).inNamespace(NS).withName("cutover-" + s);
      migrations.edit(m -> {
        m.getSpec().setCanceled(true);
        return m;
      });
      MigMigration canceled = migrations.waitUntilCondition(
          m -> m.getStatus() != null && "Canceled".equals(m.getStatus().getPhase()), 60, TimeUnit.SECONDS);

      DirectVolumeMigration dvm = host.resources(DirectVolumeMigration.class).inNamespace(NS)
          .withLabel("migmigration", canceled.getMetadata().getUid()).informOnCondition(l -> !l.isEmpty()
              && "Canceled".equals(l.get(0).getStatus() == null ? null : l.get(0).getStatus().getPhase()))
          .get(60, TimeUnit.SECONDS).get(0);
      assertThat(dvm.getStatus().getPhaseDescription()).contains("stopped");
      assertThat(mover.interrupted.await(30, TimeUnit.SECONDS)).as("the mover was interrupted").isTrue();
      // The destination claim stays: a later migration resumes the copy into it.
      assertThat(dest.persistentVolumeClaims().inNamespace(app).withName("data").get()).isNotNull();
      assertThat(host.apps().deployments().inNamespace(app).withName("web").get().getSpec().getReplicas())
          .isEqualTo(1);
    } finally {
      operator.stop();
    }
  }

  /** The real mover's copy, which then never ends by itself: a copy still running when the test cancels. */
  private static final class StallingMover implements VolumeMover {
    private final VolumeMover mover;
    final CountDownLatch copying = new CountDownLatch(1);
    final CountDownLatch interrupted = new CountDownLatch(1);

    StallingMover(VolumeMover mover) {
      this.mover = mover;
    }

    @Override
    public TransferProgress copy(Path source, Path destination, ProgressListener listener) throws IOException {
      TransferProgress progress = mover.copy(source, destination, listener);
      copying.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw new InterruptedIOException("copy interrupted");
      }
      return progress;
    }

    @Override
    public Snapshot snapshot(ObjectStore store, String prefix, Path root, Map<String, String> tags,
                             ProgressListener listener) throws IOException {
      return mover.snapshot(store, prefix, root, tags, listener);
    }

    @Override
    public TransferProgress restore(ObjectStore store, String prefix, String snapshotId, Path destination,
                                    ProgressListener listener) throws IOException {
      return mover.restore(store, prefix, snapshotId, destination, listener);
    }

    @Override
    public void verify(Path source, Path destination) throws IOException {
      mover.verify(source, destination);
    }

    @Override
    public Map<String, String> mintTls(String name) {
      return mover.mintTls(name);
    }
  }
}
