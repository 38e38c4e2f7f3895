package dev.ferry.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.migration.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepProgressTest {

  @Test
  void showsBytesRateEtaAndItemsOfTheRunningStepOnly() {
    Step done = step("Backup", "2026-12-07T18:00:00Z", "2026-12-07T18:00:05Z");
    Step copying = step("DirectVolume", "2026-12-07T18:00:05Z", null);
    copying.setBytesDone(3L * 1024 * 1024);
    copying.setBytesTotal(7L * 1024 * 1024);
    copying.setRate("1.0 MiB/s");
    copying.setEta("4s");
    copying.setProgress(List.of("shop/data: Running 42% (3.0 MiB of 7.0 MiB)"));
    Step waiting = step("Restore", null, null);

    assertThat(StepProgress.text(List.of(done, copying, waiting))).isEqualTo(
        "DirectVolume: 3.0 MiB of 7.0 MiB (42%), 1.0 MiB/s, 4s left\n"
            + "  shop/data: Running 42% (3.0 MiB of 7.0 MiB)\n");
  }

  @Test
  void aStepThatMovesNothingPrintsNothing() {
    Step quiesce = step("StageBackup", "2026-12-07T18:00:00Z", null);
    assertThat(StepProgress.text(List.of(quiesce))).isEmpty();
    Step starting = step("DirectVolume", "2026-12-07T18:00:00Z", null);
    starting.setBytesTotal(1024L);
    starting.setBytesDone(0L);
    assertThat(StepProgress.text(List.of(starting))).isEqualTo("DirectVolume: 0 B of 1.0 KiB (0%), no rate yet\n");
  }

  @Test
  void aBackupOrRestoreStepShowsObjectsDoneOfTotal() {
    Step backup = step("Backup", "2026-12-07T18:00:00Z", null);
    backup.setItemsDone(12L);
    backup.setItemsTotal(40L);
    backup.setProgress(List.of("Initial Backup openshift-migration/m-initial: 12 of 40 objects backed up"));

    assertThat(StepProgress.text(List.of(backup))).isEqualTo("Backup: 12 of 40 objects (30%)\n"
        + "  Initial Backup openshift-migration/m-initial: 12 of 40 objects backed up\n");

    backup.setItemsDone(0L);
    backup.setItemsTotal(0L);
    backup.setProgress(null);
    assertThat(StepProgress.text(List.of(backup))).isEqualTo("Backup: 0 of 0 objects\n");
  }

  private static Step step(String name, String started, String completed) {
    Step step = new Step();
    step.setName(name);
    step.setStarted(started);
    step.setCompleted(completed);
    return step;
  }
}
