package dev.ferry.volumes.repo;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import dev.ferry.volumes.chunk.ChunkId;
import dev.ferry.volumes.fs.FileEntry;
import dev.ferry.volumes.fs.FileKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot's tree as a zstd-compressed binary stream: compact for volumes of hundreds of
 * thousands of files (a chunk id is 32 raw bytes, not 64 hex characters). Decoding checks every
 * path, because a tree read back from a shared bucket must not be able to name a file outside
 * the restore destination.
 *
 * <pre>
 * tree  := "FRYTREE1" count:u32 entry*
 * entry := path:str kind:u8 size:u64 mode:u32 uid:u32 gid:u32 mtimeSec:u64 mtimeNano:u32
 *          linkTarget:str? hardLinkOf:str? inode:u64 ctimeNanos:u64 chunkCount:u32 chunkId[32]*
 * str   := length:u32 utf8      str? := present:u8 [str]
 * </pre>
 */
final class TreeCodec {
  private static final byte[] MAGIC = "FRYTREE1".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_STRING = 64 * 1024;

  private TreeCodec() {
  }

  static byte[] encode(List<SnapshotEntry> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(new ZstdOutputStream(bytes,
        BlobCompression.LEVEL), 1 << 16))) {
      out.write(MAGIC);
      out.writeInt(entries.size());
      for (SnapshotEntry se : entries) {
        FileEntry e = se.entry();
        writeString(out, e.path());
        out.writeByte(e.kind().ordinal());
        out.writeLong(e.size());
        out.writeInt(e.mode());
        out.writeInt(e.uid());
        out.writeInt(e.gid());
        Instant mtime = e.mtime().toInstant();
        out.writeLong(mtime.getEpochSecond());
        out.writeInt(mtime.getNano());
        writeOptional(out, e.linkTarget());
        writeOptional(out, e.hardLinkOf());
        out.writeLong(se.inode());
        out.writeLong(se.ctimeNanos());
        out.writeInt(se.chunks().size());
        for (ChunkId id : se.chunks()) {
          Ids.write(out, id);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Parses a tree; {@code what} names the object (and snapshot) in errors. */
  static List<SnapshotEntry> decode(byte[] stored, String what) {
    try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(new ZstdInputStream(
        new ByteArrayInputStream(stored)), 1 << 16))) {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new RepositoryCorruptException(what + " is not a Ferry snapshot tree (bad magic)");
      }
      int count = in.readInt();
      if (count < 0) {
        throw new RepositoryCorruptException(what + " has a negative entry count");
      }
      List<SnapshotEntry> entries = new ArrayList<>(Math.min(count, 1 << 16));
      FileKind[] kinds = FileKind.values();
      for (int i = 0; i < count; i++) {
        String path = checkedPath(readString(in), what);
        int kind = in.readUnsignedByte();
        if (kind >= kinds.length) {
          throw new RepositoryCorruptException(what + ": entry " + path + " has unknown kind " + kind);
        }
        long size = in.readLong();
        int mode = in.readInt();
        int uid = in.readInt();
        int gid = in.readInt();
        FileTime mtime = FileTime.from(Instant.ofEpochSecond(in.readLong(), in.readInt()));
        String linkTarget = readOptional(in);
        String hardLinkOf = readOptional(in);
        if (hardLinkOf != null) {
          checkedPath(hardLinkOf, what);
        }
        long inode = in.readLong();
        long ctime = in.readLong();
        int chunkCount = in.readInt();
        if (chunkCount < 0 || size < 0) {
          throw new RepositoryCorruptException(what + ": entry " + path + " has a negative size or chunk count");
        }
        List<ChunkId> chunks = new ArrayList<>(Math.min(chunkCount, 1 << 12));
        for (int c = 0; c < chunkCount; c++) {
          chunks.add(Ids.read(in));
        }
        FileEntry entry;
        try {
          entry = new FileEntry(path, kinds[kind], size, mode, uid, gid, mtime, linkTarget, hardLinkOf);
        } catch (IllegalArgumentException e) {
          throw new RepositoryCorruptException(what + ": " + e.getMessage(), e);
        }
        entries.add(new SnapshotEntry(entry, inode, ctime, chunks));
      }
      return entries;
    } catch (EOFException e) {
      throw new RepositoryCorruptException(what + " is truncated", e);
    } catch (IOException e) {
      throw new RepositoryCorruptException(what + " does not decompress or parse: " + e.getMessage(), e);
    }
  }

  /** A relative path with no empty, "." or ".." segment: it stays inside whatever root it is resolved against. */
  static String checkedPath(String path, String what) {
    boolean bad = path.isEmpty() || path.startsWith("/") || path.indexOf('\0') >= 0;
    for (String segment : path.split("/", -1)) {
      bad |= segment.isEmpty() || segment.equals(".") || segment.equals("..");
    }
    if (bad) {
      throw new RepositoryCorruptException(what + " contains the unsafe path '" + path.replace('\0', '?')
          + "'; refusing to restore it");
    }
    return path;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static void writeOptional(DataOutputStream out, String s) throws IOException {
    out.writeByte(s == null ? 0 : 1);
    if (s != null) {
      writeString(out, s);
    }
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_STRING) {
      throw new IOException("string length " + n + " out of range");
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static String readOptional(DataInputStream in) throws IOException {
    return in.readUnsignedByte() == 0 ? null : readString(in);
  }
}
