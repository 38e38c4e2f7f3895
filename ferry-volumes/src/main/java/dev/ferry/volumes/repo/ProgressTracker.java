package dev.ferry.volumes.repo;

import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.TransferProgress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Counts a transfer's progress from many threads and reports it at most every 250 ms (and once at the end). */
final class ProgressTracker {
  private static final long REPORT_EVERY_NANOS = 250_000_000L;

  private final ProgressListener listener;
  private final long start = System.nanoTime();
  private final AtomicLong lastReport = new AtomicLong(start);
  private final AtomicLong bytesDone = new AtomicLong();
  private final AtomicLong filesDone = new AtomicLong();
  private final AtomicLong bytesTransferred = new AtomicLong();
  private volatile long bytesTotal;
  private volatile long filesTotal;

  ProgressTracker(ProgressListener listener) {
    this.listener = listener == null ? ProgressListener.NONE : listener;
  }

  void totals(long bytes, long files) {
    bytesTotal = bytes;
    filesTotal = files;
  }

  void bytes(long done) {
    bytesDone.addAndGet(done);
    maybeReport();
  }

  void transferred(long bytes) {
    bytesTransferred.addAndGet(bytes);
  }

  void fileDone() {
    filesDone.incrementAndGet();
    maybeReport();
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  void finish() {
    listener.onProgress(snapshot());
  }

  private void maybeReport() {
    long now = System.nanoTime();
    long last = lastReport.get();
    if (now - last >= REPORT_EVERY_NANOS && lastReport.compareAndSet(last, now)) {
      listener.onProgress(snapshot());
    }
  }

  private TransferProgress snapshot() {
    return new TransferProgress(bytesDone.get(), bytesTotal, filesDone.get(), filesTotal, bytesTransferred.get(),
        elapsed());
  }
}
