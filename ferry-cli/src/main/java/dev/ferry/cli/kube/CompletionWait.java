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
  /**
   * First poll soon, then less often: most backups and restores a user waits on end within
   * seconds, and every poll left to sleep after the end is time the command adds to the operation.
   */
  static final Duration FIRST_POLL = Duration.ofMillis(100);
  static final Duration MAX_POLL = Duration.ofSeconds(1);
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
    long pollMillis = FIRST_POLL.toMillis();
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
        Thread.sleep(pollMillis);
        pollMillis = Math.min(MAX_POLL.toMillis(), pollMillis * 3 / 2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OperationFailed("interrupted while waiting; the operation goes on in the cluster");
      }
    }
  }
}
