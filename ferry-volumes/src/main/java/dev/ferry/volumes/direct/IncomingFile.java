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
  /**
   * Journaled bytes between checkpoints (data fsync'd, then a checkpoint record): what a machine
   * crash may cost a resume, against one fsync per this many bytes. Tests lower it.
   */
  static volatile long checkpointBytes = 64L << 20;

  final int index;
  final FileEntry entry;
  private final Path temp;
  private final Path journalPath;
  private final SparseWriter writer;
  private final FileChannel journal;
  private final AtomicLong remaining;
  /** Records in the journal (checkpoints not counted) and journaled bytes since the last checkpoint; guarded by journal. */
  private int records;
  private long sinceCheckpoint;

  private IncomingFile(int index, FileEntry entry, Path temp, Path journalPath, SparseWriter writer,
      FileChannel journal, int records, long remaining) {
    this.index = index;
    this.entry = entry;
    this.temp = temp;
    this.journalPath = journalPath;
    this.writer = writer;
    this.journal = journal;
    this.records = records;
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
      return new IncomingFile(index, e, temp, null, new SparseWriter(temp), null, 0, e.size());
    }
    String key = PartialArea.key(e.path(), e.size(), e.mtime());
    Path data = area.dataFile(key);
    Path journalPath = area.journalFile(key);
    PartialArea.Partial partial = Files.exists(data) && Files.exists(journalPath)
        ? PartialArea.readJournal(journalPath) : null;
    if (partial != null) {
      // Rewritten rather than appended to: the old journal may hold records a crash made untrue
      // (readJournal dropped them) and a boot id that is no longer this one.
      FileChannel j = newJournal(journalPath, e);
      int n = 0;
      for (long[] r : partial.done().ranges()) {
        for (long off = r[0]; off < r[1]; off += Integer.MAX_VALUE) {
          writeRecord(j, off, (int) Math.min(Integer.MAX_VALUE, r[1] - off));
          n++;
        }
      }
      IncomingFile f = new IncomingFile(index, e, data, journalPath, new SparseWriter(data), j, n,
          e.size() - partial.done().covered());
      f.checkpoint(); // what the old journal trusted stays trusted
      return f;
    }
    Files.deleteIfExists(data);
    FileChannel j = newJournal(journalPath, e);
    return new IncomingFile(index, e, data, journalPath, new SparseWriter(data), j, 0, e.size());
  }

  /** Header: magic, path, size, mtime, boot id (see PartialArea). Written whole, then the channel appends. */
  private static FileChannel newJournal(Path journalPath, FileEntry e) throws IOException {
    Path fresh = journalPath.resolveSibling(journalPath.getFileName() + ".new");
    try (DataOutputStream h = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(fresh)))) {
      h.writeInt(PartialArea.JOURNAL_MAGIC);
      h.writeUTF(e.path());
      h.writeLong(e.size());
      h.writeLong(e.mtime().toInstant().getEpochSecond());
      h.writeInt(e.mtime().toInstant().getNano());
      h.writeUTF(PartialArea.BOOT_ID);
    }
    Files.move(fresh, journalPath, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return FileChannel.open(journalPath, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  private static void writeRecord(FileChannel j, long offset, int len) throws IOException {
    ByteBuffer rec = ByteBuffer.allocate(12).putLong(offset).putInt(len).flip();
    while (rec.hasRemaining()) {
      j.write(rec);
    }
  }

  Path temp() {
    return temp;
  }

  /**
   * Writes a frame, all-zero blocks left as holes — also in a file resumed from an earlier
   * session: a range the journal does not claim is either never written (a hole, reading as
   * zeros) or was written by a session that sent this same source content (the partial's key
   * is path + size + mtime), so skipping zeros there cannot leave stale bytes, and a resumed
   * file stays as sparse as the source.
   */
  void write(ByteBuffer data, long offset) throws IOException {
    int len = data.remaining();
    writer.write(data, offset);
    journal(offset, len);
  }

  /** A range that is all zeros on the source: nothing to write (see {@link #write}). */
  void hole(long offset, int len) throws IOException {
    journal(offset, len);
  }

  private void journal(long offset, int len) throws IOException {
    if (journal != null && len > 0) {
      boolean due;
      synchronized (journal) {
        writeRecord(journal, offset, len);
        records++;
        sinceCheckpoint += len;
        due = sinceCheckpoint >= checkpointBytes;
      }
      if (due) {
        checkpoint();
      }
    }
  }

  /**
   * Makes the records so far true after a machine crash: counts them, fsyncs the data file, then
   * appends (-1, count) and fsyncs the journal. A record is appended only after its frame's
   * write returned, so every counted record's data is in the fsync.
   */
  private void checkpoint() throws IOException {
    if (journal == null) {
      return;
    }
    int covered;
    synchronized (journal) {
      covered = records;
      sinceCheckpoint = 0;
    }
    writer.channel().force(false);
    synchronized (journal) {
      writeRecord(journal, PartialArea.CHECKPOINT, covered);
      journal.force(false);
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
    if (journal != null) {
      writer.channel().force(false); // a large file is on disk before its name says it is complete
    }
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
