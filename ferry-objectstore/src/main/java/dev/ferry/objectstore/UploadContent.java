package dev.ferry.objectstore;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reading the caller's content during a put, and the two ways that can go wrong, worded the same
 * for every store: the caller's stream failed (the store is not to blame), or it gave another
 * number of bytes than announced. Either way nothing is stored.
 */
final class UploadContent {

  private UploadContent() {
  }

  /** Fills {@code buffer} unless the stream ends first; returns how many bytes were read. */
  static int read(InputStream in, byte[] buffer, String key, String store, long before) {
    try {
      return in.readNBytes(buffer, 0, buffer.length);
    } catch (IOException e) {
      throw unreadable(key, store, before, e);
    }
  }

  /** Fails when a known length ({@code expected} >= 0) is not what the stream gave. */
  static void checkLength(long expected, long actual, String key, String store) {
    if (expected >= 0 && expected != actual) {
      throw wrongLength(key, store, expected, String.valueOf(actual));
    }
  }

  static ObjectStoreException unreadable(String key, String store, long after, IOException e) {
    return new ObjectStoreException("reading the content for " + ObjectKeys.printable(key) + " failed after "
        + after + " bytes (" + e.getMessage() + "); nothing was stored in " + store, e);
  }

  static ObjectStoreException wrongLength(String key, String store, long announced, String gave) {
    return new ObjectStoreException("object " + ObjectKeys.printable(key) + " for " + store + " was announced as "
        + announced + " bytes but its stream gave " + gave + "; nothing was stored");
  }
}
