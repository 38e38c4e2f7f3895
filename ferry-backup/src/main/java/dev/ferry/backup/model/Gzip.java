package dev.ferry.backup.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Whole-buffer gzip for the small side files of a backup (results, resource list, logs). */
public final class Gzip {

  private Gzip() {
  }

  public static byte[] compress(byte[] data) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(Math.max(64, data.length / 4));
    try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buf.toByteArray();
  }

  /** Reads the whole gzip stream from {@code in}; {@code in} itself is left open. */
  public static byte[] decompress(InputStream in) throws IOException {
    GZIPInputStream gz = new GZIPInputStream(new java.io.FilterInputStream(in) {
      @Override
      public void close() {
        // the caller owns the stream
      }
    });
    try (gz) {
      return gz.readAllBytes();
    }
  }
}
