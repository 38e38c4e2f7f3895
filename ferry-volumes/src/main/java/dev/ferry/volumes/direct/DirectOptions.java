package dev.ferry.volumes.direct;

import java.time.Duration;

/**
 * Tuning of a direct transfer.
 *
 * @param connections parallel TLS data connections (besides the control connection)
 * @param segmentSize large new files are split into ranges of this size, spread over the connections
 * @param deltaMinSize a changed file at least this large on the destination is sent as a delta
 *     against its current copy; smaller changed files are simply resent
 * @param progressInterval how often the sender reports progress
 * @param plaintext no TLS: only for tests and benchmarks that measure TLS's cost; never in a migration
 */
public record DirectOptions(int connections, int segmentSize, long deltaMinSize, Duration progressInterval,
    boolean plaintext) {

  public DirectOptions {
    if (connections < 1 || connections > 64) {
      throw new IllegalArgumentException("connections must be 1..64, got " + connections);
    }
    if (segmentSize < Protocol.FRAME) {
      throw new IllegalArgumentException("segmentSize must be at least " + Protocol.FRAME + " bytes, got " + segmentSize);
    }
  }

  public static DirectOptions defaults() {
    return new DirectOptions(4, 16 << 20, 1 << 20, Duration.ofMillis(250), false);
  }

  public DirectOptions withConnections(int n) {
    return new DirectOptions(n, segmentSize, deltaMinSize, progressInterval, plaintext);
  }

  public DirectOptions withSegmentSize(int bytes) {
    return new DirectOptions(connections, bytes, deltaMinSize, progressInterval, plaintext);
  }

  public DirectOptions withDeltaMinSize(long bytes) {
    return new DirectOptions(connections, segmentSize, bytes, progressInterval, plaintext);
  }

  public DirectOptions withProgressInterval(Duration interval) {
    return new DirectOptions(connections, segmentSize, deltaMinSize, interval, plaintext);
  }

  /** Test/benchmark flag: turns TLS off. */
  public DirectOptions withPlaintextForTesting(boolean on) {
    return new DirectOptions(connections, segmentSize, deltaMinSize, progressInterval, on);
  }
}
