package dev.ferry.volumes.fs;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Writes a file so that all-zero blocks become holes: each {@value #BLOCK}-byte block that is
 * all zeros is skipped (seeked past) instead of written, and {@link #finish(long)} sets the
 * final length so a trailing hole still counts. The target must start empty (or be truncated
 * first) — skipped blocks are assumed to read as zeros.
 */
public final class SparseWriter implements Closeable {
  /** Filesystem block granularity of holes. */
  public static final int BLOCK = 4096;
  private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(1 << 20).asReadOnlyBuffer();

  private final RandomAccessFile file;
  private final FileChannel channel;

  public SparseWriter(Path path) throws IOException {
    this.file = new RandomAccessFile(path.toFile(), "rw");
    this.channel = file.getChannel();
  }

  public FileChannel channel() {
    return channel;
  }

  /** Writes {@code data} (position to limit) at {@code position}, skipping all-zero blocks. */
  public void write(ByteBuffer data, long position) throws IOException {
    int start = data.position();
    int end = data.limit();
    int runStart = -1; // start of a pending non-zero run
    for (int off = start; off < end; off += BLOCK) {
      int len = Math.min(BLOCK, end - off);
      boolean zero = isZero(data, off, len);
      if (!zero && runStart < 0) {
        runStart = off;
      } else if (zero && runStart >= 0) {
        writeFully(data, runStart, off, position + (runStart - start));
        runStart = -1;
      }
    }
    if (runStart >= 0) {
      writeFully(data, runStart, end, position + (runStart - start));
    }
    data.position(end);
  }

  /** Writes {@code data} without looking for zeros (for content known to be dense). */
  public void writeDense(ByteBuffer data, long position) throws IOException {
    writeFully(data, data.position(), data.limit(), position);
    data.position(data.limit());
  }

  /** Sets the file's final length (extends with a hole or truncates). */
  public void finish(long length) throws IOException {
    file.setLength(length);
  }

  @Override
  public void close() throws IOException {
    file.close();
  }

  private void writeFully(ByteBuffer data, int from, int to, long position) throws IOException {
    ByteBuffer slice = data.duplicate().limit(to).position(from);
    long pos = position;
    while (slice.hasRemaining()) {
      pos += channel.write(slice, pos);
    }
  }

  /** Vectorised check (ByteBuffer.mismatch) that {@code len} bytes at {@code off} are zero. */
  public static boolean isZero(ByteBuffer data, int off, int len) {
    ByteBuffer view = data.duplicate().limit(off + len).position(off);
    while (view.hasRemaining()) {
      int n = Math.min(view.remaining(), ZEROS.capacity());
      ByteBuffer part = view.duplicate().limit(view.position() + n);
      if (part.mismatch(ZEROS.duplicate().limit(n)) != -1) {
        return false;
      }
      view.position(view.position() + n);
    }
    return true;
  }
}
