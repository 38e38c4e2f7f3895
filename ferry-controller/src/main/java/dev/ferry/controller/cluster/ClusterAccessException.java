package dev.ferry.controller.cluster;

/** A MigCluster cannot be reached as described; the message says what to fix. */
public class ClusterAccessException extends RuntimeException {
  public ClusterAccessException(String message) {
    super(message);
  }

  public ClusterAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
