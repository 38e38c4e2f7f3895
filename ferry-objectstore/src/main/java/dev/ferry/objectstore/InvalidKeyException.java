package dev.ferry.objectstore;

/** A key or prefix breaks {@link ObjectKeys}' rules; nothing was read or written. */
public class InvalidKeyException extends ObjectStoreException {
  public InvalidKeyException(String message) {
    super(message);
  }
}
