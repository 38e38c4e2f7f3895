package dev.ferry.testbed;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for a started process to be usable, failing fast (with its log) if it dies. */
public final class Readiness {
  private static final long POLL_MILLIS = 100;

  private Readiness() {
  }

  public static void await(String what, ManagedProcess process, Duration timeout, BooleanSupplier ready) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      process.checkAlive();
      if (ready.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TestbedException("interrupted while waiting for " + what);
      }
    }
    throw new TestbedException(what + " not ready after " + timeout.toSeconds() + "s; last lines of "
        + process.log() + ":\n" + process.tail(30));
  }

  /** True once something accepts TCP connections on 127.0.0.1:{@code port}. */
  public static boolean listening(int port) {
    try (Socket ignored = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
