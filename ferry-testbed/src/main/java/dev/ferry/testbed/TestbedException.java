package dev.ferry.testbed;

/** A testbed component could not be started or reached; the message says what to do. */
public class TestbedException extends RuntimeException {
  public TestbedException(String message) {
    super(message);
  }

  public TestbedException(String message, Throwable cause) {
    super(message, cause);
  }
}
