package dev.ferry.controller.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.api.migration.volumes.DirectVolumeMigrationProgress;
import dev.ferry.controller.ControllerProcess;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.Await;
import dev.ferry.testsupport.MigrationRuns;
import dev.ferry.testsupport.PlanFixture;
import dev.ferry.volumes.fs.TreeVerifier;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller is killed (SIGKILL) while it copies a volume in-process and started again: the
 * DirectVolumeMigration's status says the copy is unfinished, so the new controller copies again
 * (resuming what arrived), and the stage completes with an identical volume.
 */
@ExtendWith(TestbedExtension.class)
class VolumeCopyRestartIT {
  private static final String NS = PlanFixture.NS;
  private static final int FILES = 6;
  private static final int FILE_SIZE = 32 * 1024 * 1024;

  @Test
  void aCopyInterruptedByAKillIsFinishedByTheNextController(Testbed testbed, @TempDir Path logs) throws Exception {
    KubernetesClient host = testbed.source().client();
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "restart-" + s;
    Path sourceDir = VolumeFixture.applicationWithVolume(host, app);
    Random random = new Random(1);
    byte[] buffer = new byte[1024 * 1024];
    for (int i = 0; i < FILES; i++) {
      try (OutputStream out = Files.newOutputStream(sourceDir.resolve("part-" + i + ".bin"))) {
        for (int mb = 0; mb < FILE_SIZE / buffer.length; mb++) {
          random.nextBytes(buffer);
          out.write(buffer);
        }
      }
    }
    VolumeFixture.declarePlan(testbed, s, logs, app, "verify: true");

    Process controller = ControllerProcess.start(testbed.source(), NS, logs.resolve("controller-0.log"));
    try {
      MigrationRuns.start(host, MigrationRuns.manifest("stage-" + s, s, "stage: true"));
      // The first progress report is written when the transfer starts.
      Await.until("a transfer to start (its first progress report)", Duration.ofSeconds(90), Duration.ofMillis(50),
          () -> firstReport(host, s), Optional::isPresent, none -> { });
      controller.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      DirectVolumeMigration dvm = host.resources(DirectVolumeMigration.class).inNamespace(NS).withName("stage-" + s + "-dvm").get();
      assertThat(dvm.getStatus().getPhase()).as("killed mid-copy").isNotEqualTo("Succeeded");

      controller = ControllerProcess.start(testbed.source(), NS, logs.resolve("controller-1.log"));
      MigMigration stage = MigrationRuns.awaitEnd(host, "stage-" + s, MigrationRuns.TIMEOUT_SECONDS);
      VolumeFixture.assertCompleted(stage);
      DirectVolumeMigrationProgress last = VolumeFixture.onlyReport(host, VolumeFixture.dvm(host, stage));
      System.out.printf("after the restart the copy sent %s of %s bytes%n",
          last.getMetadata().getAnnotations().get(ProgressReports.BYTES_SENT),
          last.getMetadata().getAnnotations().get(ProgressReports.BYTES_TOTAL));
      TreeVerifier.verify(sourceDir, VolumeFixture.destinationDirectory(testbed, app));
    } finally {
      controller.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** The progress report of the stage's DirectVolumeMigration, once it has one. */
  private static Optional<DirectVolumeMigrationProgress> firstReport(KubernetesClient host, String s) {
    DirectVolumeMigration dvm = host.resources(DirectVolumeMigration.class).inNamespace(NS)
        .withName("stage-" + s + "-dvm").get();
    if (dvm == null || dvm.getMetadata().getUid() == null) {
      return Optional.empty();
    }
    return host.resources(DirectVolumeMigrationProgress.class).inNamespace(NS)
        .withLabel("directvolumemigration", dvm.getMetadata().getUid()).list().getItems().stream().findFirst();
  }
}
