package dev.ferry.cli;

/** A failure caused by the user's input or environment; its message is the whole story. */
public class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }
}
