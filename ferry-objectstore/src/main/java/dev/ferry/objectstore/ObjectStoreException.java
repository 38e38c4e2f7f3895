package dev.ferry.objectstore;

/** A repository operation failed; the message names the store and the key and says what to do. */
public class ObjectStoreException extends RuntimeException {
  /** What kind of problem it is, for conditions that tell a wrong key from a missing bucket. */
  public enum Failure {
    /** The store refused the credentials (wrong key, revoked key, no permission). */
    CREDENTIALS,
    /** The bucket, container or repository directory does not exist. */
    MISSING_BUCKET,
    /** The endpoint could not be reached (refused, unknown host, timeout). */
    UNREACHABLE,
    /** The TLS handshake failed (untrusted certificate, plain HTTP port). */
    TLS,
    /** Anything else. */
    OTHER
  }

  private final Failure failure;

  public ObjectStoreException(String message) {
    this(message, null, Failure.OTHER);
  }

  public ObjectStoreException(String message, Throwable cause) {
    this(message, cause, cause instanceof ObjectStoreException o ? o.failure() : Failure.OTHER);
  }

  public ObjectStoreException(String message, Throwable cause, Failure failure) {
    super(message, cause);
    this.failure = failure == null ? Failure.OTHER : failure;
  }

  public Failure failure() {
    return failure;
  }
}
