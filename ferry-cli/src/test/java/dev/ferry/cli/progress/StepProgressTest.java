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

  private static Step step(String name, String started, String completed) {
    Step step = new Step();
    step.setName(name);
    step.setStarted(started);
    step.setCompleted(completed);
    return step;
  }
}
