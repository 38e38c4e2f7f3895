package dev.ferry.volumes;

import java.time.Duration;
import java.util.Optional;

/**
 * A point-in-time view of one volume transfer (direct copy, snapshot or restore), the same
 * shape for every transport so the controller's progress reporting is transport-agnostic.
 *
 * @param bytesDone bytes of the volume accounted for so far (copied, or skipped as unchanged)
 * @param bytesTotal bytes of the volume to account for (the source tree's logical size)
 * @param filesDone files accounted for so far
 * @param filesTotal files in the source tree
 * @param bytesTransferred bytes that actually crossed the wire / went to the repository
 * @param elapsed time since the transfer started
 */
public record TransferProgress(long bytesDone, long bytesTotal, long filesDone, long filesTotal,
    long bytesTransferred, Duration elapsed) {

  /** Whole percent done, 0–100; an empty volume is 100 % done. */
  public int percent() {
    if (bytesTotal <= 0) {
      return filesTotal <= 0 || filesDone >= filesTotal ? 100 : (int) (100 * filesDone / filesTotal);
    }
    return (int) Math.min(100, 100 * bytesDone / bytesTotal);
  }

  /** Average rate of {@link #bytesDone} since the start, bytes per second. */
  public long bytesPerSecond() {
    long millis = elapsed.toMillis();
    return millis <= 0 ? 0 : bytesDone * 1000 / millis;
  }

  /** Time left at the average rate so far; empty until there is a rate to go by. */
  public Optional<Duration> eta() {
    long rate = bytesPerSecond();
    if (rate <= 0 || bytesTotal <= 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofSeconds(Math.max(0, bytesTotal - bytesDone) / rate));
  }
}
