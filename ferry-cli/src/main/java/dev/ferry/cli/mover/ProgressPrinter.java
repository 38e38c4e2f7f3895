package dev.ferry.cli.mover;

import dev.ferry.controller.volumes.TransferSummary;
import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.TransferProgress;
import java.io.PrintWriter;
import java.time.Duration;

/** Prints a transfer's progress as a log line at most every few seconds: percent, bytes, rate, ETA. */
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
    out.println(doing + ": " + p.percent() + "% (" + TransferSummary.bytes(p.bytesDone()) + " of "
        + TransferSummary.bytes(p.bytesTotal()) + "), " + TransferSummary.rate(p.bytesPerSecond())
        + p.eta().map(eta -> ", " + TransferSummary.duration(eta) + " left").orElse(""));
    out.flush();
  }
}
