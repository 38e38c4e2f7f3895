package dev.ferry.cli;

/**
 * A backup, restore or repository operation that ended badly on the cluster's side; its message
 * is the whole story (exit code 1).
 */
public class OperationFailed extends RuntimeException {
  public OperationFailed(String message) {
    super(message);
  }
}
