package dev.ferry.images;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs blob transfers on a bounded pool; the first failure is rethrown once all have stopped. */
final class ParallelTasks {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private ParallelTasks() {
  }

  static void run(List<Runnable> tasks, int parallelism) {
    if (tasks.size() <= 1 || parallelism == 1) {
      tasks.forEach(Runnable::run);
      return;
    }
    int pool = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(Math.min(parallelism, tasks.size()), r -> {
      Thread t = new Thread(r, "ferry-image-copy-" + pool + "-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      tasks.forEach(t -> futures.add(executor.submit(t)));
      RuntimeException first = null;
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          if (first == null) {
            first = e.getCause() instanceof RuntimeException re ? re
                : new ImageException(e.getCause().getMessage(), e.getCause());
            futures.forEach(other -> other.cancel(true));
          }
        } catch (java.util.concurrent.CancellationException e) {
          // cancelled after the first failure
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          futures.forEach(other -> other.cancel(true));
          throw new ImageException("interrupted while copying blobs", e);
        }
      }
      if (first != null) {
        throw first;
      }
    } finally {
      executor.shutdownNow();
    }
  }
}
