package dev.ferry.images;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Hashes what passes through and, at end of stream, fails with {@link BlobDigestMismatchException}
 * if the content does not match the expected digest or length, so a corrupt blob is never
 * stored as if it were good.
 */
final class DigestVerifyingInputStream extends FilterInputStream {
  private final String expected;
  private final long expectedSize;
  private final MessageDigest md = Digests.newSha256();
  private long count;
  private boolean verified;

  /** {@code expectedSize} negative: unknown. */
  DigestVerifyingInputStream(InputStream in, String expected, long expectedSize) {
    super(in);
    this.expected = expected;
    this.expectedSize = expectedSize;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      verify();
    } else {
      md.update((byte) b);
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n < 0) {
      verify();
    } else {
      md.update(buf, off, n);
      count += n;
      if (expectedSize >= 0 && count > expectedSize) {
        throw new BlobDigestMismatchException(expected, "more than its declared " + expectedSize + " bytes");
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("skipping would leave the blob unverified");
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void verify() throws IOException {
    if (verified) {
      return;
    }
    String actual = Digests.format(md.digest());
    if (!actual.equals(expected)) {
      throw new BlobDigestMismatchException(expected, actual);
    }
    if (expectedSize >= 0 && count != expectedSize) {
      throw new BlobDigestMismatchException(expected, count + " bytes instead of " + expectedSize);
    }
    verified = true;
  }

  /** Reads to the end (for content shorter than the buffer an upload read) and verifies. */
  void drainAndVerify() throws IOException {
    byte[] buf = new byte[8192];
    while (read(buf, 0, buf.length) >= 0) {
      // reading to EOF verifies
    }
  }

  long count() {
    return count;
  }
}
