package dev.ferry.controller.volumes;

import static dev.ferry.controller.volumes.VolumeFixture.applicationWithVolume;
import static dev.ferry.controller.volumes.VolumeFixture.controller;
import static dev.ferry.controller.volumes.VolumeFixture.declarePlan;
import static dev.ferry.testsupport.PlanFixture.NS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.migration.Step;
import dev.ferry.controller.InProcessController;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.MigrationRuns;
import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.TransferProgress;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * While a volume is being copied, the migration shows what moves: the real copy's byte counts
 * and rate reach the DirectVolumeMigrationProgress, the DVM's phase description and the
 * MigMigration's DirectVolume step (bytesDone, bytesTotal, rate) — what {@code ferry migration
 * watch} prints — before the copy has returned. The copy is the library's own; the test only
 * holds its return until it has seen the step, so the observation needs no timing.
 */
@ExtendWith(TestbedExtension.class)
class VolumeProgressIT {

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void bytesAndRateReachTheMigrationWhileTheCopyRuns(Testbed testbed, @TempDir Path repository) throws Exception {
    KubernetesClient host = testbed.source().client();
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "progress-" + s;
    Path sourceDir = applicationWithVolume(host, app);
    byte[] data = new byte[3 * 1024 * 1024];
    new java.util.Random(7).nextBytes(data);
    Files.write(sourceDir.resolve("data.bin"), data);
    declarePlan(testbed, s, repository, app, "verify: false");
    HeldMover mover = new HeldMover();

    try (InProcessController controller = controller(host, mover)) {
      Thread run = new Thread(() -> controller.run(MigrationRuns.manifest("stage-" + s, s, "stage: true")));
      run.start();
      assertThat(mover.copied.await(120, TimeUnit.SECONDS)).as("the copy ran").isTrue();

      // The copy has not returned: the migration is still in its DirectVolume step, showing the bytes.
      MigMigration during = host.resources(MigMigration.class).inNamespace(NS).withName("stage-" + s)
          .waitUntilCondition(m -> bytesShown(m, data.length), 60, TimeUnit.SECONDS);
      Step step = VolumeFixture.step(during, "DirectVolume");
      assertThat(step.getCompleted()).isNull();
      assertThat(step.getBytesTotal()).isEqualTo(data.length);
      assertThat(step.getRate()).endsWith("/s");
      assertThat(step.getProgress()).singleElement().asString().contains(app + "/data").contains("3.0 MiB of 3.0 MiB");
      DirectVolumeMigration dvm = VolumeFixture.dvm(host, during);
      assertThat(dvm.getStatus().getPhaseDescription()).contains("0 of 1 claim(s) done, 3.0 MiB of 3.0 MiB")
          .contains("/s");

      mover.release.countDown();
      run.join(TimeUnit.MINUTES.toMillis(2));
      MigMigration done = host.resources(MigMigration.class).inNamespace(NS).withName("stage-" + s).get();
      VolumeFixture.assertCompleted(done);
      assertThat(VolumeFixture.step(done, "DirectVolume").getBytesDone()).isEqualTo(data.length);
    } finally {
      mover.release.countDown();
    }
  }

  private static boolean bytesShown(MigMigration m, long size) {
    if (m == null || m.getStatus() == null || m.getStatus().getPipeline() == null) {
      return false;
    }
    return m.getStatus().getPipeline().stream().anyMatch(step -> "DirectVolume".equals(step.getName())
        && step.getBytesDone() != null && step.getBytesDone() == size && step.getRate() != null);
  }

  /** The library's mover; a direct copy returns only once the test has seen its progress. */
  private static final class HeldMover extends WrappedMover {
    final CountDownLatch copied = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public TransferProgress copy(Path source, Path destination, ProgressListener listener) throws IOException {
      TransferProgress last = super.copy(source, destination, listener);
      copied.countDown();
      try {
        release.await(3, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return last;
    }
  }
}
