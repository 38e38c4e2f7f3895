package dev.ferry.objectstore;

/** The key does not exist in the store. */
public class ObjectNotFoundException extends ObjectStoreException {
  public ObjectNotFoundException(String message) {
    super(message);
  }
}
