package dev.ferry.volumes.chunk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a byte stream into content-defined chunks (FastCDC: a gear rolling hash with
 * normalized chunking) and names each by its SHA-256. Boundaries depend only on nearby
 * content, so an insertion or change shifts at most the chunks around it: both the
 * repository (dedup across snapshots) and the direct delta (which chunks the receiver
 * already has) rely on that.
 *
 * <p>Instances are immutable and thread-safe; each call uses its own buffer and digest.
 */
public final class ContentDefinedChunker {
  /** Gear table: 256 pseudo-random 64-bit values from a fixed SplitMix64 seed, so cut points are stable forever. */
  private static final long[] GEAR = gearTable(0x6665727279L /* "ferry" */);

  private final int min;
  private final int avg;
  private final int max;
  /** Harder mask (more bits) below the average size, easier above it: FastCDC's normalized chunking. */
  private final long maskSmall;
  private final long maskLarge;

  public ContentDefinedChunker(int min, int avg, int max) {
    if (min < 64 || avg < min || max < avg || Integer.bitCount(avg) != 1) {
      throw new IllegalArgumentException("chunk sizes must satisfy 64 <= min <= avg <= max with avg a power of two, got "
          + min + "/" + avg + "/" + max);
    }
    this.min = min;
    this.avg = avg;
    this.max = max;
    int bits = Integer.numberOfTrailingZeros(avg);
    // Gear hash bits shift left, so the high bits mix the most recent 64 bytes: test those.
    this.maskSmall = -1L << (64 - (bits + 1));
    this.maskLarge = -1L << (64 - (bits - 1));
  }

  /** 512 KiB / 1 MiB / 4 MiB: the replication repository's chunks (few objects, still good dedup). */
  public static ContentDefinedChunker forRepository() {
    return new ContentDefinedChunker(512 << 10, 1 << 20, 4 << 20);
  }

  /**
   * 4 KiB / 16 KiB / 64 KiB: the direct delta, where every chunk a change touches costs its whole
   * length on the wire (a run of changed bytes costs about itself plus one average chunk), while
   * the receiver's chunk list costs 36 bytes per chunk (0.2 % of the file).
   */
  public static ContentDefinedChunker forDelta() {
    return new ContentDefinedChunker(4 << 10, 16 << 10, 64 << 10);
  }

  public int minSize() {
    return min;
  }

  public int avgSize() {
    return avg;
  }

  public int maxSize() {
    return max;
  }

  /** Receives each chunk with its bytes ({@code data[offset .. offset+chunk.length())}, valid only during the call). */
  @FunctionalInterface
  public interface ChunkConsumer {
    void accept(Chunk chunk, byte[] data, int offset) throws IOException;
  }

  /** Chunks of a whole file, in order. */
  public List<Chunk> chunks(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return chunks(ch);
    }
  }

  /** Chunks of a channel from its current position to its end, offsets relative to that position. */
  public List<Chunk> chunks(FileChannel channel) throws IOException {
    List<Chunk> out = new ArrayList<>();
    chunk(channel, (c, d, o) -> out.add(c));
    return out;
  }

  public void chunk(FileChannel channel, ChunkConsumer consumer) throws IOException {
    run(new Source() {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return channel.read(ByteBuffer.wrap(b, off, len));
      }
    }, consumer);
  }

  public void chunk(InputStream in, ChunkConsumer consumer) throws IOException {
    run(in::read, consumer);
  }

  private interface Source {
    int read(byte[] b, int off, int len) throws IOException;
  }

  private void run(Source source, ChunkConsumer consumer) throws IOException {
    byte[] buf = new byte[Math.max(4 * max, 8 << 20)];
    MessageDigest md = sha256();
    int start = 0; // first unconsumed byte
    int end = 0; // end of valid data
    long fileOffset = 0;
    boolean eof = false;
    while (true) {
      // Keep at least max bytes buffered (or everything up to EOF) before cutting.
      while (!eof && end - start < max) {
        if (buf.length - end < max) {
          System.arraycopy(buf, start, buf, 0, end - start);
          end -= start;
          start = 0;
        }
        int n = source.read(buf, end, buf.length - end);
        if (n < 0) {
          eof = true;
        } else {
          end += n;
        }
      }
      int available = end - start;
      if (available == 0) {
        return;
      }
      int len = cut(buf, start, available);
      md.update(buf, start, len);
      byte[] digest = new byte[ChunkId.LENGTH];
      try {
        md.digest(digest, 0, digest.length);
      } catch (DigestException e) {
        throw new IllegalStateException(e);
      }
      consumer.accept(new Chunk(fileOffset, len, ChunkId.wrap(digest)), buf, start);
      start += len;
      fileOffset += len;
    }
  }

  /** Length of the chunk starting at {@code off} given {@code len} available bytes (all of the rest at EOF). */
  int cut(byte[] b, int off, int len) {
    if (len <= min) {
      return len;
    }
    int n = Math.min(len, max);
    int normal = Math.min(avg, n);
    long h = 0;
    int i = min;
    for (; i < normal; i++) {
      h = (h << 1) + GEAR[b[off + i] & 0xff];
      if ((h & maskSmall) == 0) {
        return i + 1;
      }
    }
    for (; i < n; i++) {
      h = (h << 1) + GEAR[b[off + i] & 0xff];
      if ((h & maskLarge) == 0) {
        return i + 1;
      }
    }
    return n;
  }

  private static long[] gearTable(long seed) {
    long[] t = new long[256];
    long x = seed;
    for (int i = 0; i < t.length; i++) {
      x += 0x9E3779B97F4A7C15L;
      long z = x;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      t[i] = z ^ (z >>> 31);
    }
    return t;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
