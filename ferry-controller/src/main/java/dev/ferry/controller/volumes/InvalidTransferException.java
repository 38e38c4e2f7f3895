package dev.ferry.controller.volumes;

/** The DVM cannot be carried out as specified; the message says what to change. */
final class InvalidTransferException extends RuntimeException {
  InvalidTransferException(String message) {
    super(message);
  }
}
