package dev.ferry.cli.mover;

import dev.ferry.volumes.mover.MoverLogLine;
import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.TransferProgress;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Prints a transfer's progress as a log line at most every 2 s: percent, bytes, rate, ETA, and
 * the exact numbers the Job launcher reads back from the pod's log ({@link MoverLogLine}).
 */
final class ProgressPrinter implements ProgressListener {
  private static final long INTERVAL_NANOS = Duration.ofSeconds(2).toNanos();
  private final PrintWriter out;
  private final String doing;
  private long lastPrinted;

  ProgressPrinter(PrintWriter out, String doing) {
    this.out = out;
    this.doing = doing;
  }

  @Override
  public synchronized void onProgress(TransferProgress p) {
    long now = System.nanoTime();
    if (lastPrinted != 0 && now - lastPrinted < INTERVAL_NANOS) {
      return;
    }
    lastPrinted = now;
    out.println(MoverLogLine.format(doing, p));
    out.flush();
  }

  /** The final numbers, always printed. */
  synchronized void finish(TransferProgress p) {
    out.println(MoverLogLine.format(doing, p));
    out.flush();
  }
}
