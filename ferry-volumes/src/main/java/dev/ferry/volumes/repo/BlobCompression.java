package dev.ferry.volumes.repo;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;

/**
 * zstd for blobs. A blob that zstd cannot shrink is stored as is (flagged in its pack entry), so
 * already-compressed data (images, archives) costs neither space nor decompression time.
 */
final class BlobCompression {
  /** zstd's default: restic's "auto" compression is a comparable speed/ratio trade-off. */
  static final int LEVEL = 3;

  private BlobCompression() {
  }

  /** A compressed copy of the range, or {@code null} if compression would not make it smaller. */
  static byte[] compress(byte[] data, int offset, int length) {
    int bound = (int) Zstd.compressBound(length);
    byte[] out = new byte[bound];
    long written;
    try {
      written = Zstd.compressByteArray(out, 0, bound, data, offset, length, LEVEL);
    } catch (ZstdException e) {
      throw new IllegalStateException("zstd failed to compress a " + length + "-byte chunk: " + e.getMessage(), e);
    }
    if (Zstd.isError(written)) {
      throw new IllegalStateException("zstd failed to compress a " + length + "-byte chunk: "
          + Zstd.getErrorName(written));
    }
    if (written >= length) {
      return null;
    }
    return java.util.Arrays.copyOf(out, (int) written);
  }

  /**
   * Decompresses exactly {@code rawLength} bytes, or throws {@link IllegalArgumentException}
   * saying why (the caller names the object).
   */
  static byte[] decompress(byte[] stored, int offset, int length, int rawLength) {
    byte[] out = new byte[rawLength];
    long n;
    try {
      n = Zstd.decompressByteArray(out, 0, rawLength, stored, offset, length);
    } catch (ZstdException | ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("its zstd data does not decompress (" + e.getMessage() + ")", e);
    }
    if (Zstd.isError(n)) {
      throw new IllegalArgumentException("its zstd data does not decompress (" + Zstd.getErrorName(n) + ")");
    }
    if (n != rawLength) {
      throw new IllegalArgumentException("it decompresses to " + n + " bytes, the index says " + rawLength);
    }
    return out;
  }
}
