package dev.ferry.controller.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.controller.FerryCrds;
import dev.ferry.controller.InProcessController;
import dev.ferry.controller.volumes.WrappedMover;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.MigrationRuns;
import dev.ferry.testsupport.PlanFixture;
import dev.ferry.testsupport.SampleApps;
import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.TransferProgress;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
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
    PlanFixture.apply(host, SampleApps.of(SampleApps.namespace(app), SampleApps.dataClaim(app),
        SampleApps.web(app, 1, "registry.example/web:1", true)));
    String volume = host.persistentVolumeClaims().inNamespace(app).withName("data").waitUntilCondition(c ->
        c.getStatus() != null && "Bound".equals(c.getStatus().getPhase()), 90, TimeUnit.SECONDS).getSpec().getVolumeName();
    PlanFixture.declare(host, testbed.destination(), s, repository, app, """
          persistentVolumes:
          - name: %s
            pvc: {name: data, namespace: %s}
            selection: {action: copy, copyMethod: filesystem, storageClass: standard}
        """.formatted(volume, app));
    PlanFixture.markReady(host, s);

    StallingMover mover = new StallingMover();
    try (InProcessController controller = InProcessController.on(host).migrations().volumes(mover).start()) {
      MigrationRuns.start(host, MigrationRuns.cutover(s, true));
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
    }
  }

  /** The real mover's copy, which then never ends by itself: a copy still running when the test cancels. */
  private static final class StallingMover extends WrappedMover {
    final CountDownLatch copying = new CountDownLatch(1);
    final CountDownLatch interrupted = new CountDownLatch(1);

    @Override
    public TransferProgress copy(Path source, Path destination, ProgressListener listener) throws IOException {
      TransferProgress progress = super.copy(source, destination, listener);
      copying.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw new InterruptedIOException("copy interrupted");
      }
      return progress;
    }
  }
}
