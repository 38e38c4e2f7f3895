package dev.ferry.cli;

/** A failure caused by the user's input or environment; its message is the whole story. */
class UserError extends RuntimeException {
  UserError(String message) {
    super(message);
  }
}
