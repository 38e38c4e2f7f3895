package dev.ferry.volumes.direct;

import dev.ferry.volumes.fs.FileEntry;
import dev.ferry.volumes.fs.FileKind;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wire format of the direct transfer, version {@value #VERSION} (see docs/volumes.md). Every
 * message is a one-byte type followed by big-endian fields (java.io.Data*Stream encoding).
 */
final class Protocol {
  static final long MAGIC = 0x4645525259445631L; // "FERRYDV1"
  static final int VERSION = 1;
  /** Largest data frame; also the receiver's resume-journal granularity. */
  static final int FRAME = 1 << 20;

  // Connection roles in HELLO.
  static final byte ROLE_CONTROL = 1;
  static final byte ROLE_DATA = 2;

  // Message types.
  static final byte HELLO = 1; // S→R magic, version, role, sessionId, connections
  static final byte HELLO_OK = 2; // R→S version
  static final byte ERROR = 3; // either way: UTF message
  static final byte SCAN = 4; // R→S destination entries + partials
  static final byte MANIFEST = 5; // S→R source entries (index = file id)
  static final byte PREPARED = 6; // R→S deletions done, directories exist
  static final byte DATA = 7; // S→R file id, offset, length, bytes
  static final byte HOLE = 8; // S→R file id, offset, length (all zeros, not sent)
  static final byte DELTA_BEGIN = 9; // S→R file id: "send me your chunk list"
  static final byte CHUNKS = 10; // R→S count, then (length, 32-byte SHA-256) per chunk
  static final byte DELTA_COPY = 11; // S→R basis offset, length: copy from the current copy
  static final byte DELTA_DATA = 12; // S→R length, bytes: literal
  static final byte DELTA_END = 13; // S→R: rebuild complete
  static final byte END = 14; // S→R: no more tasks on this connection
  static final byte OK = 15; // R→S: everything on this connection is on disk
  static final byte FINISH = 16; // S→R: all data sent, apply links and metadata
  static final byte DONE = 17; // R→S entries deleted

  private Protocol() {
  }

  static void writeEntry(DataOutputStream out, FileEntry e) throws IOException {
    out.writeUTF(e.path());
    out.writeByte(e.kind().ordinal());
    out.writeLong(e.size());
    out.writeInt(e.mode());
    out.writeInt(e.uid());
    out.writeInt(e.gid());
    Instant t = e.mtime().toInstant();
    out.writeLong(t.getEpochSecond());
    out.writeInt(t.getNano());
    writeNullableUtf(out, e.linkTarget());
    writeNullableUtf(out, e.hardLinkOf());
  }

  static FileEntry readEntry(DataInputStream in) throws IOException {
    String path = in.readUTF();
    int kind = in.readUnsignedByte();
    if (kind >= FileKind.values().length) {
      throw new IOException("protocol error: unknown entry kind " + kind + " for " + path);
    }
    long size = in.readLong();
    int mode = in.readInt();
    int uid = in.readInt();
    int gid = in.readInt();
    FileTime mtime = FileTime.from(Instant.ofEpochSecond(in.readLong(), in.readInt()));
    String link = readNullableUtf(in);
    String hard = readNullableUtf(in);
    return new FileEntry(path, FileKind.values()[kind], size, mode, uid, gid, mtime, link, hard);
  }

  static void writeEntries(DataOutputStream out, List<FileEntry> entries) throws IOException {
    out.writeInt(entries.size());
    for (FileEntry e : entries) {
      writeEntry(out, e);
    }
  }

  static List<FileEntry> readEntries(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("protocol error: negative entry count");
    }
    List<FileEntry> out = new ArrayList<>(Math.min(n, 1 << 20));
    for (int i = 0; i < n; i++) {
      out.add(readEntry(in));
    }
    return out;
  }

  static void writeNullableUtf(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  static String readNullableUtf(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  /** The receiver's partly received files (path, size, mtime, ranges on disk), after its SCAN entries. */
  static void writePartials(DataOutputStream out, Collection<PartialArea.Partial> partials) throws IOException {
    out.writeInt(partials.size());
    for (PartialArea.Partial p : partials) {
      out.writeUTF(p.path());
      out.writeLong(p.size());
      out.writeLong(p.mtime().toInstant().getEpochSecond());
      out.writeInt(p.mtime().toInstant().getNano());
      List<long[]> ranges = p.done().ranges();
      out.writeInt(ranges.size());
      for (long[] r : ranges) {
        out.writeLong(r[0]);
        out.writeLong(r[1]);
      }
    }
  }

  static Map<String, PartialArea.Partial> readPartials(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<String, PartialArea.Partial> out = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String path = in.readUTF();
      long size = in.readLong();
      FileTime mtime = FileTime.from(Instant.ofEpochSecond(in.readLong(), in.readInt()));
      RangeSet done = new RangeSet();
      int ranges = in.readInt();
      for (int r = 0; r < ranges; r++) {
        done.add(in.readLong(), in.readLong());
      }
      out.put(path, new PartialArea.Partial(path, size, mtime, done));
    }
    return out;
  }

  static void writeError(DataOutputStream out, String message) throws IOException {
    out.writeByte(ERROR);
    out.writeUTF(message.length() > 16_000 ? message.substring(0, 16_000) : message);
    out.flush();
  }

  /** Reads the next message type and fails with the peer's message if it is an ERROR or not what was expected. */
  static void expect(DataInputStream in, byte expected, String during) throws IOException {
    int type = in.readUnsignedByte();
    if (type == ERROR) {
      throw new DirectTransferException(in.readUTF());
    }
    if (type != expected) {
      throw new IOException("protocol error " + during + ": expected message " + expected + ", got " + type);
    }
  }
}
