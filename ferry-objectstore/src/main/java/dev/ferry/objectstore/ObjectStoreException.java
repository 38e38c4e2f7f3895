package dev.ferry.objectstore;

/** A repository operation failed; the message names the store and the key and says what to do. */
public class ObjectStoreException extends RuntimeException {
  public ObjectStoreException(String message) {
    super(message);
  }

  public ObjectStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
