package dev.ferry.volumes.repo;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;

/**
 * zstd for blobs. A blob that zstd cannot shrink is stored as is (flagged in its pack entry), so
 * already-compressed data (images, archives) costs neither space nor decompression time.
 */
final class BlobCompression {
  /** zstd's default: restic's "auto" compression is a comparable speed/ratio trade-off. */
  static final int LEVEL = 3;
  /**
   * One native context per thread: a fresh context per call (what the static Zstd methods do)
   * costs more than compressing a small file. Worker threads live as long as their operation.
   */
  private static final ThreadLocal<ZstdCompressCtx> COMPRESS = ThreadLocal.withInitial(
      () -> new ZstdCompressCtx().setLevel(LEVEL));
  /** Per-thread output buffer, grown to the largest chunk seen: one allocation (the result) per chunk. */
  private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1][0]);
  private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESS = ThreadLocal.withInitial(ZstdDecompressCtx::new);

  private BlobCompression() {
  }

  /** Chunks at least this long are sampled before they are compressed. */
  static final int SAMPLE_FROM = 256 << 10;
  private static final int SAMPLE = 32 << 10;

  /**
   * A compressed copy of the range, or {@code null} if compression would not make it smaller.
   * A large chunk is first probed with a 32 KiB slice from its middle: if even that does not
   * shrink by 3 %, the chunk is random-like (media, encrypted or compressed data) and is stored
   * raw without spending a full compression pass on it.
   */
  static byte[] compress(byte[] data, int offset, int length) {
    if (length >= SAMPLE_FROM) {
      byte[] probe = compressExact(data, offset + length / 2 - SAMPLE / 2, SAMPLE);
      if (probe.length > SAMPLE - SAMPLE / 32) {
        return null;
      }
    }
    byte[] out = compressExact(data, offset, length);
    return out.length >= length ? null : out;
  }

  private static byte[] compressExact(byte[] data, int offset, int length) {
    int bound = (int) Zstd.compressBound(length);
    byte[][] holder = SCRATCH.get();
    if (holder[0].length < bound) {
      holder[0] = new byte[bound];
    }
    byte[] out = holder[0];
    long written;
    try {
      written = COMPRESS.get().compressByteArray(out, 0, bound, data, offset, length);
    } catch (ZstdException e) {
      throw new IllegalStateException("zstd failed to compress a " + length + "-byte chunk: " + e.getMessage(), e);
    }
    if (Zstd.isError(written)) {
      throw new IllegalStateException("zstd failed to compress a " + length + "-byte chunk: "
          + Zstd.getErrorName(written));
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
      n = DECOMPRESS.get().decompressByteArray(out, 0, rawLength, stored, offset, length);
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
