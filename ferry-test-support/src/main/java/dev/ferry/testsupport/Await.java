package dev.ferry.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polling with a deadline, for what a test cannot watch (a log file, a scrape, a launcher's poll,
 * an object without an informer). When the deadline passes the test fails with what it waited
 * for, how long, and the last value seen — never a bare timeout.
 */
public final class Await {
  /** How often to look again unless a call says otherwise. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(200);

  private Await() {
  }

  /** Waits until {@code condition} holds; fails naming {@code what} after {@code timeout}. */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    until(what, timeout, condition, () -> "not yet");
  }

  /** As {@link #until(String, Duration, BooleanSupplier)}; a failure adds {@code state} (e.g. a log) to the message. */
  public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<?> state) {
    poll(what, timeout, DEFAULT_INTERVAL, condition::getAsBoolean, Boolean::booleanValue, seen -> { },
        seen -> state.get());
  }

  /** Reads {@code probe} until {@code done} accepts its value, which it returns. */
  public static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> done) {
    return until(what, timeout, DEFAULT_INTERVAL, probe, done, seen -> { });
  }

  /**
   * Reads {@code probe} every {@code interval} until {@code done} accepts its value, which it returns;
   * every value before that goes to {@code notDone}. Fails after {@code timeout} with the last value.
   */
  public static <T> T until(String what, Duration timeout, Duration interval, Supplier<T> probe,
                            Predicate<? super T> done, Consumer<? super T> notDone) {
    return poll(what, timeout, interval, probe, done, notDone, seen -> seen);
  }

  private static <T> T poll(String what, Duration timeout, Duration interval, Supplier<T> probe,
                            Predicate<? super T> done, Consumer<? super T> notDone, Function<T, ?> describe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T value = probe.get();
    while (!done.test(value)) {
      notDone.accept(value);
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("waited " + describe(timeout) + " for " + what + "; last seen: "
            + describe.apply(value));
      }
      sleep(interval, what);
      value = probe.get();
    }
    return value;
  }

  private static void sleep(Duration interval, String what) {
    try {
      Thread.sleep(interval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + what, e);
    }
  }

  private static String describe(Duration timeout) {
    return timeout.toSeconds() >= 1 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }
}
