package dev.ferry.cli.progress;

import dev.ferry.api.migration.migration.Step;
import dev.ferry.volumes.mover.TransferSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * What moves in each running step of a migration's pipeline, below its table in
 * {@code ferry migration watch}: {@code DirectVolume: 3.0 MiB of 7.0 MiB (42%), 1.0 MiB/s, 4s left}
 * for steps that move bytes (volumes, image blobs), {@code Backup: 12 of 40 objects (30%)} for
 * steps that back up or restore resources, and one indented line per item the controller reported. Steps that move nothing or
 * have finished print nothing, so a watch of a quiet migration stays as short as before. Pure.
 */
public final class StepProgress {
  private StepProgress() {
  }

  public static List<String> lines(List<Step> pipeline) {
    List<String> lines = new ArrayList<>();
    for (Step step : pipeline) {
      if (step.getStarted() == null || step.getCompleted() != null) {
        continue;
      }
      if (step.getItemsTotal() != null && step.getBytesTotal() == null) {
        lines.add(objects(step));
        if (step.getProgress() != null) {
          step.getProgress().forEach(item -> lines.add("  " + item));
        }
        continue;
      }
      long total = step.getBytesTotal() == null ? 0 : step.getBytesTotal();
      long done = step.getBytesDone() == null ? 0 : step.getBytesDone();
      if (total <= 0 && (step.getProgress() == null || step.getProgress().isEmpty())) {
        continue;
      }
      StringBuilder line = new StringBuilder(step.getName()).append(": ")
          .append(TransferSummary.bytes(done)).append(" of ").append(TransferSummary.bytes(total));
      if (total > 0) {
        line.append(" (").append(Math.min(100, done * 100 / total)).append("%)");
      }
      line.append(", ").append(step.getRate() == null ? "no rate yet" : step.getRate());
      if (step.getEta() != null) {
        line.append(", ").append(step.getEta()).append(" left");
      }
      lines.add(line.toString());
      if (step.getProgress() != null) {
        step.getProgress().forEach(item -> lines.add("  " + item));
      }
    }
    return lines;
  }

  /** {@code Backup: 12 of 40 objects (30%)}: a step that backs up or restores resources. */
  private static String objects(Step step) {
    long done = step.getItemsDone() == null ? 0 : step.getItemsDone();
    long total = Math.max(done, step.getItemsTotal());
    StringBuilder line = new StringBuilder(step.getName()).append(": ").append(done).append(" of ").append(total)
        .append(" objects");
    if (total > 0) {
      line.append(" (").append(done * 100 / total).append("%)");
    }
    return line.toString();
  }

  /** The lines as text ending in a newline, or empty. */
  public static String text(List<Step> pipeline) {
    List<String> lines = lines(pipeline);
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }
}
