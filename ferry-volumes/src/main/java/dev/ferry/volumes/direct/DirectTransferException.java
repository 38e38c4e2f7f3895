package dev.ferry.volumes.direct;

import java.io.IOException;

/** A direct transfer failed; the message says what went wrong and what to do. Partial data is kept for resume. */
public class DirectTransferException extends IOException {
  public DirectTransferException(String message) {
    super(message);
  }

  public DirectTransferException(String message, Throwable cause) {
    super(message, cause);
  }
}
