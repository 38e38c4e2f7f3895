package dev.ferry.objectstore;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Wraps the caller's content stream to remember whether reading <em>it</em> failed. The SDK turns
 * such a failure into a retry and then into "stream does not support mark/reset", which would
 * send the user looking at S3; this lets the message blame the real culprit.
 */
final class CountingSource extends FilterInputStream {
  private long count;
  private IOException failure;

  CountingSource(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    try {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    } catch (IOException e) {
      throw remember(e);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    } catch (IOException e) {
      throw remember(e);
    }
  }

  private IOException remember(IOException e) {
    if (failure == null) {
      failure = e;
    }
    return e;
  }

  /** The first read failure of the underlying stream, or null. */
  IOException failure() {
    return failure;
  }

  long count() {
    return count;
  }
}
