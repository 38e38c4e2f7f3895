package dev.ferry.controller.migration;

import dev.ferry.api.common.Times;
import dev.ferry.api.migration.MigMigrationStatus;
import dev.ferry.api.migration.Step;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Keeps {@code status.pipeline} in step with the phase being run. Model only. */
final class Pipeline {
  private Pipeline() {
  }

  static void init(MigMigrationStatus status, Itinerary itinerary) {
    if (status.getPipeline() != null && !status.getPipeline().isEmpty()) {
      return;
    }
    List<Step> steps = new ArrayList<>();
    for (String name : itinerary.steps()) {
      Step step = new Step();
      step.setName(name);
      step.setMessage("Not started");
      steps.add(step);
    }
    status.setPipeline(steps);
  }

  /** Marks {@code phase}'s step as running (and every earlier step as completed). */
  static void entering(MigMigrationStatus status, Phase phase, Clock clock) {
    String now = Times.now(clock);
    for (Step step : status.getPipeline()) {
      if (step.getName().equals(phase.step())) {
        if (step.getStarted() == null) {
          step.setStarted(now);
        }
        step.setPhase(phase.name());
        step.setMessage("Running: " + phase.name());
        return;
      }
      if (step.getCompleted() == null) {
        step.setCompleted(now);
        if (step.getStarted() == null) {
          step.setStarted(now);
        }
        step.setMessage("Completed");
      }
    }
  }

  static void waiting(MigMigrationStatus status, Phase phase, String waitingFor) {
    find(status, phase.step()).setMessage("Waiting for " + waitingFor);
  }

  /** Byte-level progress of a step that moves data (DirectVolume): totals, rate, ETA and one line per item. */
  static void progress(MigMigrationStatus status, String stepName, long bytesDone, long bytesTotal, String rate,
                       String eta, List<String> lines) {
    Step step = find(status, stepName);
    step.setBytesDone(bytesDone);
    step.setBytesTotal(bytesTotal);
    step.setRate(rate);
    step.setEta(eta);
    step.setProgress(lines.isEmpty() ? null : List.copyOf(lines));
  }

  static void completeAll(MigMigrationStatus status, Clock clock) {
    String now = Times.now(clock);
    for (Step step : status.getPipeline()) {
      if (step.getCompleted() == null) {
        step.setCompleted(now);
        if (step.getStarted() == null) {
          step.setStarted(now);
        }
        step.setMessage("Completed");
      }
    }
  }

  static void failed(MigMigrationStatus status, Phase phase, String reason, Clock clock) {
    Step step = find(status, phase.step());
    step.setFailed(true);
    step.setMessage("Failed: " + reason);
    step.setCompleted(Times.now(clock));
  }

  private static Step find(MigMigrationStatus status, String name) {
    return status.getPipeline().stream().filter(s -> s.getName().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no pipeline step " + name));
  }
}
