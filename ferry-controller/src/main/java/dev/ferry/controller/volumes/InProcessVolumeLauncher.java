package dev.ferry.controller.volumes;

import dev.ferry.controller.logging.LogContext;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.TransferProgress;
import dev.ferry.volumes.mover.TransferSummary;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs transfers in the controller's JVM, on a bounded pool, when both volumes are directories on
 * this machine. Direct: one delta copy; indirect: a snapshot of the source into the replication
 * repository, then its restore on the destination. Either way the tree is verified afterwards
 * when the claim asks for it. State lives only in memory; the DirectVolumeMigration's status is
 * the record, and a restarted controller simply starts an unfinished transfer again.
 */
public final class InProcessVolumeLauncher implements VolumeLauncher, AutoCloseable {
  public static final String NAME = "in-process";
  /** Transfers at once: disk and network bound, and the controller shares its node. */
  public static final int DEFAULT_THREADS = 2;
  private static final Logger LOG = LoggerFactory.getLogger(InProcessVolumeLauncher.class);

  private final VolumeMover mover;
  private final ExecutorService pool;
  private final Map<String, Worker> workers = new ConcurrentHashMap<>();

  public InProcessVolumeLauncher(VolumeMover mover, int threads) {
    this.mover = mover;
    AtomicInteger count = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread thread = new Thread(r, "volume-mover-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public TransferState poll(VolumeTransfer transfer) {
    Worker worker = workers.computeIfAbsent(transfer.key(), k -> {
      Worker w = new Worker(transfer);
      w.future = pool.submit(w);
      return w;
    });
    return worker.state;
  }

  @Override
  public void release(VolumeTransfer transfer) {
    workers.computeIfPresent(transfer.key(), (k, w) -> w.state.finished() ? null : w);
  }

  /**
   * Interrupts and forgets every transfer whose key starts with {@code keyPrefix} (a canceled
   * DirectVolumeMigration's uid); returns how many there were. Their outcome is never reported.
   */
  public int cancel(String keyPrefix) {
    int canceled = 0;
    for (var entry : workers.entrySet()) {
      if (entry.getKey().startsWith(keyPrefix) && workers.remove(entry.getKey(), entry.getValue())) {
        java.util.concurrent.Future<?> future = entry.getValue().future;
        if (future != null) {
          future.cancel(true);
        }
        canceled++;
      }
    }
    return canceled;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** One transfer; publishes its state for the reconciler to read. */
  private final class Worker implements Runnable {
    private final VolumeTransfer transfer;
    private volatile TransferState state;
    private volatile java.util.concurrent.Future<?> future;
    /** The reconciler's log context (migration, plan), carried onto the pool thread. */
    private final Map<String, String> logContext = LogContext.capture();

    Worker(VolumeTransfer transfer) {
      this.transfer = transfer;
      this.state = new TransferState(TransferState.Phase.PENDING, null, "Waiting for a free transfer worker", null,
          NAME);
    }

    @Override
    public void run() {
      try (var log = LogContext.restore(logContext); var mover = LogContext.component("mover")) {
        LOG.info("volume transfer of {} started", transfer.sourceKey());
        transfer();
      }
    }

    private void transfer() {
      Path source = transfer.sourceDirectory().orElseThrow();
      Path destination = transfer.destinationDirectory().orElseThrow();
      try {
        TransferProgress last;
        if (transfer.repository().isPresent()) {
          VolumeTransfer.Repository repository = transfer.repository().get();
          try (ObjectStore store = repository.opener().get()) {
            running(null, "Uploading a snapshot of " + transfer.sourceKey() + " to the replication repository");
            VolumeMover.Snapshot snapshot = mover.snapshot(store, repository.prefix(), source, repository.tags(),
                listener("Uploading snapshot"));
            running(snapshot.progress(), "Restoring snapshot " + snapshot.id() + " on the destination");
            last = mover.restore(store, repository.prefix(), snapshot.id(), destination, listener("Restoring snapshot"));
            last = new TransferProgress(last.bytesDone(), last.bytesTotal(), last.filesDone(), last.filesTotal(),
                snapshot.progress().bytesTransferred(), snapshot.progress().elapsed().plus(last.elapsed()));
          }
        } else {
          running(null, "Copying " + transfer.sourceKey() + " to the destination");
          last = mover.copy(source, destination, listener("Copying"));
        }
        if (transfer.verify()) {
          running(last, "Verifying every file of " + ClaimsToCopy.targetKey(transfer.claim()));
          mover.verify(source, destination);
        }
        state = new TransferState(TransferState.Phase.SUCCEEDED, last, TransferSummary.of(last, transfer.verify()), 0,
            NAME);
        LOG.info("volume transfer of {} done: {}", transfer.sourceKey(), state.message());
      } catch (Exception e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        LOG.warn("volume transfer of {} failed: {}", transfer.sourceKey(), message);
        state = new TransferState(TransferState.Phase.FAILED, state.progress(), message, 1, NAME);
      }
    }

    private void running(TransferProgress progress, String message) {
      state = new TransferState(TransferState.Phase.RUNNING, progress, message, null, NAME);
    }

    private ProgressListener listener(String doing) {
      return p -> state = new TransferState(TransferState.Phase.RUNNING, p,
          doing + ": " + TransferSummary.bytes(p.bytesDone()) + " of " + TransferSummary.bytes(p.bytesTotal()), null,
          NAME);
    }
  }
}
