package dev.ferry.volumes.repo;

/** A snapshot repository operation failed; the message says what and what to do. */
public class RepositoryException extends RuntimeException {
  public RepositoryException(String message) {
    super(message);
  }

  public RepositoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
