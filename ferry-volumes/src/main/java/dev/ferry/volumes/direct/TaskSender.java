package dev.ferry.volumes.direct;

import dev.ferry.volumes.chunk.Chunk;
import dev.ferry.volumes.chunk.ChunkId;
import dev.ferry.volumes.chunk.ContentDefinedChunker;
import dev.ferry.volumes.fs.FileEntry;
import dev.ferry.volumes.fs.SparseWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * Sends the tasks of a {@link TransferPlan} over one data connection: a byte range of a file as
 * DATA / HOLE frames, or a whole file as a delta against the receiver's copy. A source file that
 * changes size during the send is an error telling the user to stop its writers.
 */
final class TaskSender {
  private final Path root;
  private final List<FileEntry> source;
  private final SenderStats stats;

  TaskSender(Path root, List<FileEntry> source, SenderStats stats) {
    this.root = root;
    this.source = source;
    this.stats = stats;
  }

  void sendRange(SenderConnection c, TransferPlan.Range r, byte[] buf) throws IOException {
    FileEntry e = source.get(r.index());
    if (r.length() == 0) {
      frame(c, Protocol.DATA, r.index(), 0, buf, 0);
      stats.sent(r.index(), 0);
      return;
    }
    try (FileChannel ch = FileChannel.open(root.resolve(e.path()), StandardOpenOption.READ)) {
      long end = r.offset() + r.length();
      for (long pos = r.offset(); pos < end; ) {
        int n = (int) Math.min(buf.length, end - pos);
        readFully(ch, buf, n, pos, e);
        ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
        frame(c, SparseWriter.isZero(bb, 0, n) ? Protocol.HOLE : Protocol.DATA, r.index(), pos, buf, n);
        pos += n;
        stats.sent(r.index(), n);
      }
    }
  }

  private static void frame(SenderConnection c, byte type, int index, long offset, byte[] buf, int n) throws IOException {
    c.out.writeByte(type);
    c.out.writeInt(index);
    c.out.writeLong(offset);
    c.out.writeInt(n);
    if (type == Protocol.DATA) {
      c.out.write(buf, 0, n);
    }
  }

  /**
   * Delta by content-defined chunks rather than rsync's rolling checksum: both sides chunk their
   * copy independently and in parallel (no per-byte rolling lookups against the receiver's
   * block list), insertions only disturb the chunks around them, and the chunker is the one the
   * repository already uses. The cost: a change is sent rounded up to whole chunks (4–64 KiB,
   * ~16 KiB average), so scattered single-byte edits are expensive; edits in runs are cheap.
   */
  void sendDelta(SenderConnection c, SenderReplies replies, int index, byte[] buf) throws IOException {
    FileEntry e = source.get(index);
    c.out.writeByte(Protocol.DELTA_BEGIN);
    c.out.writeInt(index);
    c.out.flush();
    Path file = root.resolve(e.path());
    List<Chunk> ours = ContentDefinedChunker.forDelta().chunks(file); // while the receiver chunks its copy
    long total = ours.isEmpty() ? 0 : ours.get(ours.size() - 1).end();
    if (total != e.size()) {
      throw new DirectTransferException(e.path() + " changed on the source during the transfer (" + e.size() + " → "
          + total + " bytes); stop writers to the volume (or rerun the stage)");
    }
    Map<ChunkId, Long> theirs = replies.awaitChunks();
    long copyFrom = -1;
    long copyLen = 0;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      for (Chunk k : ours) {
        Long at = theirs.get(k.id());
        if (at != null) {
          if (copyLen > 0 && copyFrom + copyLen == at) {
            copyLen += k.length();
          } else {
            flushCopy(c, copyFrom, copyLen);
            copyFrom = at;
            copyLen = k.length();
          }
          stats.unchanged(k.length());
          stats.sent(index, k.length());
          continue;
        }
        flushCopy(c, copyFrom, copyLen);
        copyLen = 0;
        for (long pos = k.offset(); pos < k.end(); ) {
          int n = (int) Math.min(buf.length, k.end() - pos);
          readFully(ch, buf, n, pos, e);
          c.out.writeByte(Protocol.DELTA_DATA);
          c.out.writeInt(n);
          c.out.write(buf, 0, n);
          pos += n;
        }
        stats.sent(index, k.length());
      }
    }
    flushCopy(c, copyFrom, copyLen);
    c.out.writeByte(Protocol.DELTA_END);
    if (e.size() == 0) {
      stats.sent(index, 0);
    }
  }

  private static void flushCopy(SenderConnection c, long from, long len) throws IOException {
    if (len > 0) {
      c.out.writeByte(Protocol.DELTA_COPY);
      c.out.writeLong(from);
      c.out.writeLong(len);
    }
  }

  private static void readFully(FileChannel ch, byte[] buf, int n, long pos, FileEntry e) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
    while (b.hasRemaining()) {
      if (ch.read(b, pos + b.position()) < 0) {
        throw new DirectTransferException(e.path() + " shrank on the source during the transfer (expected "
            + e.size() + " bytes); stop writers to the volume (or rerun the stage)");
      }
    }
  }
}
