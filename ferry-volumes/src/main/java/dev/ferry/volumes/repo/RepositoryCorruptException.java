package dev.ferry.volumes.repo;

/**
 * The repository holds data that fails its checks: a blob whose content does not hash to its id,
 * a truncated or unreadable pack, a manifest that does not parse. The message names the object
 * (and, when known, the snapshot and file) so an operator can find it. Never retried: the same
 * bytes would fail the same way.
 */
public class RepositoryCorruptException extends RepositoryException {
  public RepositoryCorruptException(String message) {
    super(message);
  }

  public RepositoryCorruptException(String message, Throwable cause) {
    super(message, cause);
  }
}
