package dev.ferry.controller.volumes;

import static dev.ferry.controller.volumes.VolumeFixture.applicationWithVolume;
import static dev.ferry.controller.volumes.VolumeFixture.controller;
import static dev.ferry.controller.volumes.VolumeFixture.declarePlan;
import static dev.ferry.testsupport.PlanFixture.NS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.migration.Step;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.controller.InProcessController;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.MigrationRuns;
import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.TransferProgress;
import dev.ferry.volumes.direct.DirectOptions;
import dev.ferry.volumes.direct.DirectTransferException;
import dev.ferry.volumes.direct.MigrationCertificates;
import dev.ferry.volumes.direct.Receiver;
import dev.ferry.volumes.direct.Sender;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * While one volume is being copied, the migration shows what moves, and it moves: the real
 * copy's bytes done grow between two looks at the MigMigration's DirectVolume step (what {@code
 * ferry migration watch} prints), with a rate, before the copy ends; the same figures are in the
 * DVM's phase description and the claim's DirectVolumeMigrationProgress. The copy is the library's
 * sender and receiver over TLS (one data connection, so the sender's socket buffer — at most 4 MiB
 * here — is all it can get ahead of the relay); a relay between them stops the sender's bytes at
 * 4 MiB, then at 16 MiB of 32, until the test has looked, so nothing depends on the machine's speed.
 */
@ExtendWith(TestbedExtension.class)
class VolumeProgressIT {
  private static final int MIB = 1024 * 1024;
  private static final int SIZE = 32 * MIB;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void bytesDoneGrowWithARateWhileOneCopyRuns(Testbed testbed, @TempDir Path repository) throws Exception {
    KubernetesClient host = testbed.source().client();
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "progress-" + s;
    Path sourceDir = applicationWithVolume(host, app);
    byte[] data = new byte[SIZE];
    new Random(7).nextBytes(data);
    Files.write(sourceDir.resolve("data.bin"), data);
    declarePlan(testbed, s, repository, app, "verify: false");
    RelayedMover mover = new RelayedMover(4L * MIB);

    try (InProcessController controller = controller(host, mover)) {
      Thread run = new Thread(() -> controller.run(MigrationRuns.manifest("stage-" + s, s, "stage: true")));
      run.start();

      // Held at 4 MiB: the step shows some, not all, of the bytes, and a rate.
      Step first = VolumeFixture.step(awaitStep(host, s, step -> done(step) >= 2L * MIB), "DirectVolume");
      assertThat(first.getBytesTotal()).isEqualTo(SIZE);
      assertThat(done(first)).isLessThan(SIZE);
      assertThat(first.getRate()).endsWith("/s");
      assertThat(first.getCompleted()).isNull();
      assertThat(first.getProgress()).singleElement().asString().contains(app + "/data").contains("Running")
          .contains("of 32.0 MiB");

      // Let it go on to 16 MiB: more bytes are done, and the copy has still not ended.
      mover.relay().openTo(16L * MIB);
      MigMigration during = awaitStep(host, s, step -> done(step) >= 12L * MIB);
      Step second = VolumeFixture.step(during, "DirectVolume");
      assertThat(done(second)).isGreaterThan(done(first)).isLessThan(SIZE);
      assertThat(second.getRate()).endsWith("/s");
      assertThat(second.getCompleted()).isNull();
      DirectVolumeMigration dvm = VolumeFixture.dvm(host, during);
      assertThat(dvm.getStatus().getPhaseDescription()).contains("0 of 1 claim(s) done").contains("of 32.0 MiB")
          .contains("/s");

      mover.relay().openFully();
      run.join(TimeUnit.MINUTES.toMillis(2));
      MigMigration finished = host.resources(MigMigration.class).inNamespace(NS).withName("stage-" + s).get();
      VolumeFixture.assertCompleted(finished);
      assertThat(VolumeFixture.step(finished, "DirectVolume").getBytesDone()).isEqualTo(SIZE);
    } finally {
      mover.close();
    }
  }

  private static long done(Step step) {
    return step.getBytesDone() == null ? 0 : step.getBytesDone();
  }

  private static MigMigration awaitStep(KubernetesClient host, String s, Predicate<Step> shown) {
    return host.resources(MigMigration.class).inNamespace(NS).withName("stage-" + s).waitUntilCondition(m ->
        m != null && m.getStatus() != null && m.getStatus().getPipeline() != null
            && m.getStatus().getPipeline().stream().anyMatch(step -> "DirectVolume".equals(step.getName())
            && step.getRate() != null && shown.test(step)), 90, TimeUnit.SECONDS);
  }

  /** The library's sender and receiver, as the in-process launcher runs them, with a {@link GatedRelay} between. */
  private static final class RelayedMover implements VolumeMover, AutoCloseable {
    private final LibraryVolumeMover library = new LibraryVolumeMover();
    private final long firstGate;
    private volatile GatedRelay relay;

    RelayedMover(long firstGate) {
      this.firstGate = firstGate;
    }

    GatedRelay relay() {
      return relay;
    }

    @Override
    public TransferProgress copy(Path source, Path destination, ProgressListener listener) throws IOException {
      DirectOptions options = DirectOptions.defaults().withConnections(1);
      MigrationCertificates certs = MigrationCertificates.mint("progress-" + Long.toHexString(System.nanoTime()));
      try (Receiver receiver = Receiver.start(destination, certs.receiver(), options);
           GatedRelay gated = new GatedRelay(receiver.port(), firstGate)) {
        relay = gated;
        var result = Sender.send("127.0.0.1", gated.port(), certs.sender(), source, options, listener);
        if (!receiver.awaitCompletion(Duration.ofSeconds(30))) {
          throw new DirectTransferException("the receiver did not confirm completion of the copy into " + destination);
        }
        return LibraryVolumeMover.progress(result);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }

    @Override
    public Snapshot snapshot(ObjectStore store, String prefix, Path root, Map<String, String> tags,
                             ProgressListener listener) throws IOException {
      return library.snapshot(store, prefix, root, tags, listener);
    }

    @Override
    public TransferProgress restore(ObjectStore store, String prefix, String snapshotId, Path destination,
                                    ProgressListener listener) throws IOException {
      return library.restore(store, prefix, snapshotId, destination, listener);
    }

    @Override
    public void verify(Path source, Path destination) throws IOException {
      library.verify(source, destination);
    }

    @Override
    public Map<String, String> mintTls(String name) {
      return library.mintTls(name);
    }

    @Override
    public void close() throws IOException {
      GatedRelay current = relay;
      if (current != null) {
        current.close();
      }
    }
  }
}
