package dev.ferry.volumes.direct;

import dev.ferry.volumes.chunk.Chunk;
import dev.ferry.volumes.chunk.ContentDefinedChunker;
import dev.ferry.volumes.fs.FileEntry;
import dev.ferry.volumes.fs.MetadataApplier;
import dev.ferry.volumes.fs.SparseWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** The receiving side of a delta: the chunk list of the current copy out, copy and literal instructions in. */
final class DeltaReceiver {
  private final Path root;
  private final PartialArea area;
  private final String tag;
  private final ReceiverTree tree;

  DeltaReceiver(Path root, PartialArea area, String tag, ReceiverTree tree) {
    this.root = root;
    this.area = area;
    this.tag = tag;
    this.tree = tree;
  }

  /**
   * Sends the chunk list of the current copy, then rebuilds the file from copy instructions
   * (ranges of the current copy) and literal data into a temp file, renamed over the original.
   */
  void receive(int index, FileEntry e, DataInputStream in, DataOutputStream out, byte[] buf)
      throws IOException {
    Path basis = root.resolve(e.path());
    List<Chunk> chunks = ContentDefinedChunker.forDelta().chunks(basis);
    out.writeByte(Protocol.CHUNKS);
    out.writeInt(chunks.size());
    for (Chunk c : chunks) {
      out.writeInt(c.length());
      out.write(c.id().bytes());
    }
    out.flush();
    area.ensure();
    Path temp = area.tempFile(tag + "-d" + index);
    Files.deleteIfExists(temp);
    long pos = 0;
    try (SparseWriter w = new SparseWriter(temp);
        FileChannel src = FileChannel.open(basis, StandardOpenOption.READ)) {
      while (true) {
        int type = in.readUnsignedByte();
        if (type == Protocol.DELTA_COPY) {
          long from = in.readLong();
          long len = in.readLong();
          for (long done = 0; done < len; ) {
            int n = (int) Math.min(buf.length, len - done);
            ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
            while (b.hasRemaining()) {
              if (src.read(b, from + done + b.position()) < 0) {
                throw new IOException(e.path() + " shrank on the destination during the delta transfer");
              }
            }
            w.write(b.flip(), pos);
            pos += n;
            done += n;
          }
        } else if (type == Protocol.DELTA_DATA) {
          int len = in.readInt();
          if (len < 0 || len > buf.length) {
            throw new IOException("protocol error: literal of " + len + " bytes");
          }
          in.readFully(buf, 0, len);
          w.write(ByteBuffer.wrap(buf, 0, len), pos);
          pos += len;
        } else if (type == Protocol.DELTA_END) {
          break;
        } else if (type == Protocol.ERROR) {
          throw new DirectTransferException("sender failed: " + in.readUTF());
        } else {
          throw new IOException("protocol error: unexpected message " + type + " in a delta");
        }
      }
      if (pos != e.size()) {
        throw new IOException("protocol error: delta for " + e.path() + " rebuilt " + pos + " of " + e.size() + " bytes");
      }
      w.finish(pos);
    } catch (IOException ex) {
      Files.deleteIfExists(temp);
      throw ex;
    }
    Files.move(temp, basis, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    MetadataApplier.apply(root, e);
    tree.written(e.path());
  }
}
