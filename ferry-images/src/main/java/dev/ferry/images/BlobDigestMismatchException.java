package dev.ferry.images;

import java.io.IOException;

/**
 * Content read for a blob or manifest does not hash to its digest. An IOException so that it
 * travels through stream consumers (HTTP body publishers, object-store uploads) unchanged.
 */
public final class BlobDigestMismatchException extends IOException {
  private final String expected;
  private final String actual;

  public BlobDigestMismatchException(String expected, String actual) {
    super("content of blob " + expected + " hashes to " + actual);
    this.expected = expected;
    this.actual = actual;
  }

  public String expected() {
    return expected;
  }

  public String actual() {
    return actual;
  }
}
