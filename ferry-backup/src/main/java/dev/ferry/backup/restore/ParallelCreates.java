package dev.ferry.backup.restore;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The workers of one restore. Items of one resource do not depend on each other, so they are
 * created in parallel; the priority order holds between resources, because each resource's
 * items finish before the next resource starts.
 */
final class ParallelCreates implements AutoCloseable {
  /** Concurrent creates per resource: enough to hide request latency, few enough not to flood the API server. */
  static final int PARALLEL_CREATES = 8;

  private final String threadName;
  private ExecutorService workers;

  ParallelCreates(String threadName) {
    this.threadName = threadName;
  }

  /** Runs every task to the end ({@code oneAtATime}: in order, on this thread); true if any returned true. */
  boolean runAll(List<Callable<Boolean>> tasks, boolean oneAtATime) {
    boolean any = false;
    try {
      if (oneAtATime || tasks.size() < 2) {
        for (var task : tasks) {
          any |= task.call();
        }
        return any;
      }
      for (var result : workers().invokeAll(tasks)) {
        any |= result.get();
      }
      return any;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("restore interrupted", e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private ExecutorService workers() {
    if (workers == null) {
      workers = Executors.newFixedThreadPool(PARALLEL_CREATES, r -> {
        Thread t = new Thread(r, threadName);
        t.setDaemon(true);
        return t;
      });
    }
    return workers;
  }

  @Override
  public void close() {
    if (workers != null) {
      workers.shutdownNow();
    }
  }
}
