package dev.ferry.controller.images;

import dev.ferry.api.migration.images.DirectImageStreamMigrationStatus;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The bytes of one image stream's copy as it goes: what the images' manifests say there is to
 * account for, what has been (blobs sent, or found on the destination already) and the average
 * rate. Handed to the copier's progress callbacks (several threads) and handed on to {@code
 * publish} at most every {@link #INTERVAL}, so the DirectImageStreamMigration shows bytes moving
 * while its reconcile is still copying.
 */
final class StreamCopyProgress {
  static final Duration INTERVAL = Duration.ofSeconds(2);

  private final AtomicLong planned = new AtomicLong();
  private final AtomicLong done = new AtomicLong();
  private final LongSupplier nanos;
  private final long started;
  private final Consumer<StreamCopyProgress> publish;
  private long lastPublished;

  StreamCopyProgress(Consumer<StreamCopyProgress> publish) {
    this(publish, System::nanoTime);
  }

  StreamCopyProgress(Consumer<StreamCopyProgress> publish, LongSupplier nanos) {
    this.publish = publish;
    this.nanos = nanos;
    this.started = nanos.getAsLong();
    this.lastPublished = started;
  }

  void planned(long bytes) {
    planned.addAndGet(bytes);
  }

  void accounted(long bytes) {
    done.addAndGet(bytes);
    long now = nanos.getAsLong();
    synchronized (this) {
      if (now - lastPublished < INTERVAL.toNanos()) {
        return;
      }
      lastPublished = now;
    }
    publish.accept(this);
  }

  long bytesDone() {
    return done.get();
  }

  long bytesTotal() {
    return Math.max(planned.get(), done.get());
  }

  long bytesPerSecond() {
    long elapsed = nanos.getAsLong() - started;
    return elapsed <= 0 ? 0 : (long) (done.get() * 1e9 / elapsed);
  }

  void applyTo(DirectImageStreamMigrationStatus status) {
    status.setBytesDone(bytesDone());
    status.setBytesTotal(bytesTotal());
    status.setBytesPerSecond(bytesPerSecond());
  }
}
