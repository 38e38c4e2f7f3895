package dev.ferry.controller.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.api.migration.volumes.DirectVolumeMigrationProgress;
import dev.ferry.controller.ControllerProcess;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.PlanFixture;
import dev.ferry.volumes.fs.TreeVerifier;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
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
    Path sourceDir = VolumeMigrationIT.applicationWithVolume(host, app);
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
    VolumeMigrationIT.declarePlan(testbed, s, logs, app, "verify: true");

    Process controller = ControllerProcess.start(testbed.source(), NS, logs.resolve("controller-0.log"));
    try {
      PlanFixture.apply(host, VolumeMigrationIT.migration("stage-" + s, s, "stage: true"));
      // The first progress report is written when the transfer starts.
      DirectVolumeMigrationProgress report = null;
      Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
      DirectVolumeMigration dvm = null;
      while (report == null) {
        assertThat(Instant.now()).as("no transfer started").isBefore(deadline);
        dvm = host.resources(DirectVolumeMigration.class).inNamespace(NS).withName("stage-" + s + "-dvm").get();
        if (dvm != null && dvm.getMetadata().getUid() != null) {
          report = host.resources(DirectVolumeMigrationProgress.class).inNamespace(NS)
              .withLabel("directvolumemigration", dvm.getMetadata().getUid()).list().getItems().stream().findFirst()
              .orElse(null);
        }
        Thread.sleep(50);
      }
      controller.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      dvm = host.resources(DirectVolumeMigration.class).inNamespace(NS).withName("stage-" + s + "-dvm").get();
      assertThat(dvm.getStatus().getPhase()).as("killed mid-copy").isNotEqualTo("Succeeded");

      controller = ControllerProcess.start(testbed.source(), NS, logs.resolve("controller-1.log"));
      MigMigration stage = host.resources(MigMigration.class).inNamespace(NS).withName("stage-" + s)
          .waitUntilCondition(m -> m.getStatus() != null && Set.of("Completed", "Failed")
              .contains(m.getStatus().getPhase()), 180, TimeUnit.SECONDS);
      VolumeMigrationIT.assertCompleted(stage);
      DirectVolumeMigrationProgress last = VolumeMigrationIT.onlyReport(host, VolumeMigrationIT.dvm(host, stage));
      System.out.printf("after the restart the copy sent %s of %s bytes%n",
          last.getMetadata().getAnnotations().get(ProgressReports.BYTES_SENT),
          last.getMetadata().getAnnotations().get(ProgressReports.BYTES_TOTAL));
      var target = testbed.destination().client().persistentVolumeClaims().inNamespace(app).withName("data").get();
      Path targetDir = Path.of(testbed.destination().client().persistentVolumes()
          .withName(target.getSpec().getVolumeName()).get().getSpec().getHostPath().getPath());
      TreeVerifier.verify(sourceDir, targetDir);
    } finally {
      controller.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
