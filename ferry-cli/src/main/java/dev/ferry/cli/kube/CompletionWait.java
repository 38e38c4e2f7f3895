package dev.ferry.cli.kube;

import dev.ferry.cli.OperationFailed;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls a Backup or Restore until its phase is final ({@code --wait}). When it stays New for a
 * while nobody is processing it, which almost always means no controller runs: say so once.
 */
public final class CompletionWait<T> {
  static final Duration POLL = Duration.ofMillis(500);
  public static final Duration NOT_PICKED_UP = Duration.ofSeconds(30);

  private final Supplier<T> latest;
  private final Predicate<T> finished;
  private final Predicate<T> untouched;

  /**
   * @param latest    reads the object again (and throws when it is gone)
   * @param finished  whether its phase is final
   * @param untouched whether no controller has picked it up yet
   */
  public CompletionWait(Supplier<T> latest, Predicate<T> finished, Predicate<T> untouched) {
    this.latest = latest;
    this.finished = finished;
    this.untouched = untouched;
  }

  /** The object once final; {@code notPickedUp} runs once if it is still untouched after a while. */
  public T await(Runnable notPickedUp) {
    long hintAt = System.nanoTime() + NOT_PICKED_UP.toNanos();
    boolean hinted = false;
    while (true) {
      T current = latest.get();
      if (finished.test(current)) {
        return current;
      }
      if (!hinted && untouched.test(current) && System.nanoTime() - hintAt > 0) {
        notPickedUp.run();
        hinted = true;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OperationFailed("interrupted while waiting; the operation goes on in the cluster");
      }
    }
  }
}
