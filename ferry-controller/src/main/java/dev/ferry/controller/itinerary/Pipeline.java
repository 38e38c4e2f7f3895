package dev.ferry.controller.itinerary;

import dev.ferry.api.common.Times;
import dev.ferry.api.migration.migration.Step;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a status's pipeline (the user's view of an itinerary: one entry per step, with start,
 * end, message and progress) in step with the phase being run. Model only.
 */
public final class Pipeline {
  private Pipeline() {
  }

  /** The steps of {@code itinerary}, none started; an existing pipeline is kept. */
  public static List<Step> init(List<Step> existing, Itinerary<?> itinerary) {
    if (existing != null && !existing.isEmpty()) {
      return existing;
    }
    List<Step> steps = new ArrayList<>();
    for (String name : itinerary.steps()) {
      Step step = new Step();
      step.setName(name);
      step.setMessage("Not started");
      steps.add(step);
    }
    return steps;
  }

  /** Marks {@code phase}'s step as running (and every earlier step as completed). */
  public static void entering(List<Step> pipeline, Phase<?> phase, Clock clock) {
    String now = Times.now(clock);
    for (Step step : pipeline) {
      if (step.getName().equals(phase.step())) {
        if (step.getStarted() == null) {
          step.setStarted(now);
        }
        step.setPhase(phase.name());
        step.setMessage("Running: " + phase.name());
        return;
      }
      complete(step, now);
    }
  }

  public static void waiting(List<Step> pipeline, Phase<?> phase, String waitingFor) {
    find(pipeline, phase.step()).setMessage("Waiting for " + waitingFor);
  }

  /** Byte-level progress of a step that moves data (DirectVolume): totals, rate, ETA and one line per item. */
  public static void progress(List<Step> pipeline, String stepName, long bytesDone, long bytesTotal, String rate,
                              String eta, List<String> lines) {
    Step step = find(pipeline, stepName);
    step.setBytesDone(bytesDone);
    step.setBytesTotal(bytesTotal);
    step.setRate(rate);
    step.setEta(eta);
    step.setProgress(lines.isEmpty() ? null : List.copyOf(lines));
  }

  /**
   * Object-level progress of a step that backs up or restores resources: Ferry's
   * {@code itemsDone}/{@code itemsTotal} and, as MTC does, one progress line naming the
   * operation (e.g. {@code Backup openshift-migration/m-initial: 12 of 40 objects backed up}).
   * A total below what is done (a backup's estimate overtaken) shows as the done count.
   */
  public static void items(List<Step> pipeline, String stepName, long done, long total, String line) {
    Step step = find(pipeline, stepName);
    step.setItemsDone(done);
    step.setItemsTotal(Math.max(done, total));
    step.setProgress(line == null ? null : List.of(line));
  }

  public static void completeAll(List<Step> pipeline, Clock clock) {
    String now = Times.now(clock);
    for (Step step : pipeline) {
      complete(step, now);
    }
  }

  /** Marks {@code stepName} failed; a failure outside any known step leaves the pipeline as it is. */
  public static void failed(List<Step> pipeline, String stepName, String reason, Clock clock) {
    if (stepName == null || pipeline == null) {
      return;
    }
    pipeline.stream().filter(s -> s.getName().equals(stepName)).findFirst().ifPresent(step -> {
      step.setFailed(true);
      step.setMessage("Failed: " + reason);
      step.setCompleted(Times.now(clock));
    });
  }

  private static void complete(Step step, String now) {
    if (step.getCompleted() == null) {
      step.setCompleted(now);
      if (step.getStarted() == null) {
        step.setStarted(now);
      }
      step.setMessage("Completed");
    }
  }

  private static Step find(List<Step> pipeline, String name) {
    return pipeline.stream().filter(s -> s.getName().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no pipeline step " + name));
  }
}
