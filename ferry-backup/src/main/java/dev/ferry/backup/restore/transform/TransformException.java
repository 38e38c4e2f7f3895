package dev.ferry.backup.restore.transform;

/** A transform failed or produced a patch that does not apply: a bug or an unexpected object. */
public class TransformException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TransformException(String message, Throwable cause) {
    super(message, cause);
  }
}
