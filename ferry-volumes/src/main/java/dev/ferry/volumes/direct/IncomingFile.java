package dev.ferry.volumes.direct;

import dev.ferry.volumes.fs.FileEntry;
import dev.ferry.volumes.fs.MetadataApplier;
import dev.ferry.volumes.fs.SparseWriter;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file being received, possibly over several connections at once (positional writes). Written
 * to a temp or partial file and renamed over its final name only when complete, so a cut or a
 * full disk never leaves a half-written file under the real name.
 */
final class IncomingFile implements Closeable {
  private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(Protocol.FRAME).asReadOnlyBuffer();

  final int index;
  final FileEntry entry;
  private final Path temp;
  private final Path journalPath;
  private final SparseWriter writer;
  private final FileChannel journal;
  /** Data already present from an earlier session: holes there may hold stale bytes, so zeros are written. */
  private final boolean resumed;
  private final AtomicLong remaining;

  private IncomingFile(int index, FileEntry entry, Path temp, Path journalPath, SparseWriter writer,
      FileChannel journal, boolean resumed, long remaining) {
    this.index = index;
    this.entry = entry;
    this.temp = temp;
    this.journalPath = journalPath;
    this.writer = writer;
    this.journal = journal;
    this.resumed = resumed;
    this.remaining = new AtomicLong(remaining);
  }

  /**
   * A file that arrived whole in one frame ({@code data} null: all zeros): written to a temp
   * file of this session, renamed into place, metadata applied.
   */
  static void writeWhole(PartialArea area, int index, FileEntry e, String sessionTag, Path root, byte[] data)
      throws IOException {
    Path temp = area.tempFile(sessionTag + "-" + index);
    try (SparseWriter w = new SparseWriter(temp)) {
      if (data != null) {
        w.write(ByteBuffer.wrap(data, 0, (int) e.size()), 0);
      }
      w.finish(e.size());
    }
    Files.move(temp, root.resolve(e.path()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    MetadataApplier.apply(root, e);
  }

  /** Files larger than one frame are journaled in the partial area so a later session can resume them. */
  static IncomingFile open(PartialArea area, int index, FileEntry e, String sessionTag) throws IOException {
    if (e.size() <= Protocol.FRAME) {
      Path temp = area.tempFile(sessionTag + "-" + index);
      Files.deleteIfExists(temp);
      return new IncomingFile(index, e, temp, null, new SparseWriter(temp), null, false, e.size());
    }
    String key = PartialArea.key(e.path(), e.size(), e.mtime());
    Path data = area.dataFile(key);
    Path journalPath = area.journalFile(key);
    PartialArea.Partial partial = Files.exists(data) && Files.exists(journalPath)
        ? PartialArea.readJournal(journalPath) : null;
    if (partial != null) {
      FileChannel j = FileChannel.open(journalPath, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      return new IncomingFile(index, e, data, journalPath, new SparseWriter(data), j, true,
          e.size() - partial.done().covered());
    }
    Files.deleteIfExists(data);
    try (DataOutputStream h = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(journalPath)))) {
      h.writeUTF(e.path());
      h.writeLong(e.size());
      h.writeLong(e.mtime().toInstant().getEpochSecond());
      h.writeInt(e.mtime().toInstant().getNano());
    }
    FileChannel j = FileChannel.open(journalPath, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    return new IncomingFile(index, e, data, journalPath, new SparseWriter(data), j, false, e.size());
  }

  Path temp() {
    return temp;
  }

  void write(ByteBuffer data, long offset) throws IOException {
    int len = data.remaining();
    if (resumed) {
      writer.writeDense(data, offset);
    } else {
      writer.write(data, offset);
    }
    journal(offset, len);
  }

  /** A range that is all zeros on the source. */
  void hole(long offset, int len) throws IOException {
    if (resumed) {
      writer.writeDense(ZEROS.duplicate().limit(len), offset);
    }
    journal(offset, len);
  }

  private void journal(long offset, int len) throws IOException {
    if (journal != null && len > 0) {
      ByteBuffer rec = ByteBuffer.allocate(12).putLong(offset).putInt(len).flip();
      synchronized (journal) {
        while (rec.hasRemaining()) {
          journal.write(rec);
        }
      }
    }
  }

  /** Counts {@code len} bytes as arrived; true when the file is complete. */
  boolean arrived(long len) throws IOException {
    long left = remaining.addAndGet(-len);
    if (left < 0) {
      throw new IOException("protocol error: more data than the file's size for " + entry.path());
    }
    return left == 0;
  }

  /** Sets the final length, renames over the final name and applies owner, mode and mtime. */
  void complete(Path root) throws IOException {
    writer.finish(entry.size());
    close();
    Path target = root.resolve(entry.path());
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    MetadataApplier.apply(root, entry);
    if (journalPath != null) {
      Files.deleteIfExists(journalPath);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      writer.close();
    } finally {
      if (journal != null) {
        journal.close();
      }
    }
  }
}
