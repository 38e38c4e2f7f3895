package dev.ferry.controller.velero;

import dev.ferry.controller.logging.LogContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Backup and Restore CRs a migration creates, on whichever cluster they live, off the
 * reconcile threads: a migration phase hands a CR over ({@link #submit}) and polls the CR's
 * phase, so a long backup never blocks a reconciler. Keys (the CR's uid) in flight are
 * remembered, so a CR is run once per process; a controller that restarts finds the CR
 * InProgress, nothing in flight, and runs it again (the engines make a re-run harmless).
 * The submitter's log context (the migration and plan of the phase that hands the CR over) goes
 * with the work onto the pool thread, so {@code ferry logs MIGRATION} shows the run's lines.
 */
public final class VeleroExecutor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VeleroExecutor.class);
  private static final AtomicInteger POOLS = new AtomicInteger();
  private static volatile VeleroExecutor shared;

  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads;

  public VeleroExecutor(int threads) {
    int pool = POOLS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    this.threads = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "velero-run-" + pool + "-" + n.incrementAndGet());
      t.setDaemon(true); // an in-process CLI run ends when its migration does
      return t;
    });
  }

  /** One executor for reconcilers built without their own (tests, embedders). */
  public static VeleroExecutor shared() {
    if (shared == null) {
      synchronized (VeleroExecutor.class) {
        if (shared == null) {
          shared = new VeleroExecutor(2);
        }
      }
    }
    return shared;
  }

  /** Runs {@code work} unless a run under {@code key} is already in flight here; true when it was queued. */
  public boolean submit(String key, Runnable work) {
    if (!inFlight.add(key)) {
      return false;
    }
    Map<String, String> logContext = LogContext.capture();
    try {
      threads.execute(() -> {
        try (var log = LogContext.restore(logContext)) {
          work.run();
        } catch (RuntimeException e) {
          // The CR keeps its last phase; the migration phase that waits on it submits it again.
          LOG.warn("run {} stopped: {}", key, e.toString());
        } finally {
          inFlight.remove(key);
        }
      });
      return true;
    } catch (RuntimeException e) {
      inFlight.remove(key);
      throw e;
    }
  }

  public boolean running(String key) {
    return inFlight.contains(key);
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
