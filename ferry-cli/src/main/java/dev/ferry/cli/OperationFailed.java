package dev.ferry.cli;

/**
 * A backup, restore or repository operation that ended badly on the cluster's side; its message
 * is the whole story (exit code 1).
 */
class OperationFailed extends RuntimeException {
  OperationFailed(String message) {
    super(message);
  }
}
