package dev.ferry.volumes.repo;

/** Another live process holds a conflicting repository lock. */
public class RepositoryLockedException extends RepositoryException {
  public RepositoryLockedException(String message) {
    super(message);
  }
}
