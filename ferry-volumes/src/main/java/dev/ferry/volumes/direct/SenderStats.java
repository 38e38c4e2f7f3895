package dev.ferry.volumes.direct;

import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.TransferProgress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counters of one send: bytes on the wire both ways, content bytes done and unchanged, files
 * done and sent, and what each file still has to send; reports them to the progress listener.
 * Thread-safe: every data connection's worker counts here.
 */
final class SenderStats {
  final AtomicLong bytesSent = new AtomicLong();
  final AtomicLong bytesReceived = new AtomicLong();
  final AtomicLong bytesDone = new AtomicLong();
  final AtomicLong bytesUnchanged = new AtomicLong();
  final AtomicLong filesDone = new AtomicLong();
  final AtomicLong filesSent = new AtomicLong();
  private final long started = System.nanoTime();
  private final ProgressListener listener;
  private Map<Integer, AtomicLong> fileRemaining = Map.of();
  private long bytesTotal;
  private long filesTotal;

  SenderStats(ProgressListener listener) {
    this.listener = listener == null ? ProgressListener.NONE : listener;
  }

  /** Starts counting against {@code plan}: what is unchanged is done already. */
  void planned(TransferPlan plan) {
    Map<Integer, AtomicLong> remaining = new HashMap<>();
    plan.bytesToSend.forEach((i, n) -> remaining.put(i, new AtomicLong(n)));
    fileRemaining = remaining;
    bytesTotal = plan.bytesTotal;
    filesTotal = plan.filesTotal;
    bytesDone.set(plan.bytesUnchanged);
    bytesUnchanged.set(plan.bytesUnchanged);
    filesDone.set(plan.filesUnchanged);
  }

  /** Accounts {@code n} content bytes of file {@code index} as sent or matched. */
  void sent(int index, long n) {
    bytesDone.addAndGet(n);
    AtomicLong left = fileRemaining.get(index);
    if (left != null && left.addAndGet(-n) == 0) {
      fileRemaining.remove(index);
      filesDone.incrementAndGet();
      filesSent.incrementAndGet();
    }
  }

  /** Content bytes found on the receiver already (delta matches). */
  void unchanged(long n) {
    bytesUnchanged.addAndGet(n);
  }

  void report() {
    try {
      listener.onProgress(new TransferProgress(bytesDone.get(), bytesTotal, filesDone.get(), filesTotal,
          bytesSent.get(), elapsed()));
    } catch (RuntimeException e) {
      // a faulty listener must not break the transfer
    }
  }

  long startedNanos() {
    return started;
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
