package dev.ferry.volumes.repo;

import dev.ferry.volumes.chunk.ChunkId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte layout of packs and of pack index objects.
 *
 * <pre>
 * pack    := blob* header headerLength:u32 "FRYPACK1"
 * header  := count:u32 entry*
 * entry   := id[32] offset:u32 storedLength:u32 rawLength:u32 flags:u8   (flags bit 0: zstd)
 * index   := "FRYIDX01" header                                           (index/&lt;pack id&gt;)
 * </pre>
 * The header sits at the end of the pack so a pack can be written in one pass, and a pack is
 * self-describing: if the index object is lost (a crash between the two puts) the repository
 * rebuilds it from the pack.
 */
final class PackFormat {
  static final byte[] PACK_MAGIC = "FRYPACK1".getBytes(StandardCharsets.US_ASCII);
  static final byte[] INDEX_MAGIC = "FRYIDX01".getBytes(StandardCharsets.US_ASCII);
  static final int ENTRY_BYTES = ChunkId.LENGTH + 4 + 4 + 4 + 1;
  private static final int TAIL_BYTES = 4 + PACK_MAGIC.length;

  private PackFormat() {
  }

  static byte[] header(List<PackEntry> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4 + entries.size() * ENTRY_BYTES);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(entries.size());
      for (PackEntry e : entries) {
        Ids.write(out, e.id());
        out.writeInt(e.offset());
        out.writeInt(e.storedLength());
        out.writeInt(e.rawLength());
        out.writeByte(e.compressed() ? 1 : 0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The bytes that end a pack whose blobs take {@code blobBytes}: header, its length, magic. */
  static byte[] trailer(List<PackEntry> entries) {
    byte[] header = header(entries);
    ByteBuffer out = ByteBuffer.allocate(header.length + TAIL_BYTES);
    out.put(header).putInt(header.length).put(PACK_MAGIC);
    return out.array();
  }

  static byte[] indexObject(List<PackEntry> entries) {
    byte[] header = header(entries);
    return ByteBuffer.allocate(INDEX_MAGIC.length + header.length).put(INDEX_MAGIC).put(header).array();
  }

  /** Parses an index object; {@code what} names it in errors. */
  static List<PackEntry> parseIndexObject(byte[] bytes, String what, long packLimit) {
    if (bytes.length < INDEX_MAGIC.length
        || !java.util.Arrays.equals(bytes, 0, INDEX_MAGIC.length, INDEX_MAGIC, 0, INDEX_MAGIC.length)) {
      throw new RepositoryCorruptException(what + " is not a Ferry pack index (bad magic); delete it and Ferry "
          + "rebuilds it from its pack on the next snapshot");
    }
    return parseHeader(bytes, INDEX_MAGIC.length, bytes.length - INDEX_MAGIC.length, what, packLimit);
  }

  /** Parses the trailer of a whole pack; checks that the entries tile the blob area exactly. */
  static List<PackEntry> parsePack(byte[] pack, String what) {
    if (pack.length < TAIL_BYTES
        || !java.util.Arrays.equals(pack, pack.length - PACK_MAGIC.length, pack.length, PACK_MAGIC, 0,
        PACK_MAGIC.length)) {
      throw new RepositoryCorruptException(what + " is truncated or not a Ferry pack (no end marker, "
          + pack.length + " bytes)");
    }
    int headerLength = ByteBuffer.wrap(pack, pack.length - TAIL_BYTES, 4).getInt();
    int headerStart = pack.length - TAIL_BYTES - headerLength;
    if (headerLength < 4 || headerStart < 0) {
      throw new RepositoryCorruptException(what + " has a damaged trailer (header length " + headerLength + ")");
    }
    List<PackEntry> entries = parseHeader(pack, headerStart, headerLength, what, headerStart);
    long expected = 0;
    for (PackEntry e : entries) {
      if (e.offset() != expected) {
        throw new RepositoryCorruptException(what + " has a damaged trailer (blob " + Ids.shortHex(e.id())
            + " at offset " + e.offset() + ", expected " + expected + ")");
      }
      expected += e.storedLength();
    }
    if (expected != headerStart) {
      throw new RepositoryCorruptException(what + " has a damaged trailer (blobs end at " + expected
          + ", header starts at " + headerStart + ")");
    }
    return entries;
  }

  private static List<PackEntry> parseHeader(byte[] bytes, int start, int length, String what, long packLimit) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, start, length))) {
      int count = in.readInt();
      if (count < 0 || (long) count * ENTRY_BYTES != length - 4) {
        throw new RepositoryCorruptException(what + " has a damaged header (" + count + " entries in "
            + length + " bytes)");
      }
      List<PackEntry> entries = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        ChunkId id = Ids.read(in);
        int offset = in.readInt();
        int stored = in.readInt();
        int raw = in.readInt();
        int flags = in.readUnsignedByte();
        if (offset < 0 || stored < 0 || raw < 0 || (long) offset + stored > packLimit || (flags & ~1) != 0) {
          throw new RepositoryCorruptException(what + " has a damaged entry for blob " + Ids.shortHex(id));
        }
        entries.add(new PackEntry(id, offset, stored, raw, flags == 1));
      }
      return entries;
    } catch (IOException e) {
      throw new RepositoryCorruptException(what + " has a truncated header", e);
    }
  }
}
