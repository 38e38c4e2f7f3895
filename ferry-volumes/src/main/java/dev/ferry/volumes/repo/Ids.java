package dev.ferry.volumes.repo;

import dev.ferry.volumes.chunk.ChunkId;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 naming in the repository. A blob's id is the {@link ChunkId} of its uncompressed bytes,
 * so the chunker's ids are the repository's keys; packs and trees are named by the hex SHA-256
 * of their stored bytes.
 */
final class Ids {
  private Ids() {
  }

  static ChunkId hash(byte[] data, int offset, int length) {
    MessageDigest digest = sha256();
    digest.update(data, offset, length);
    return ChunkId.of(digest.digest());
  }

  static String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(sha256().digest(data));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  static void write(DataOutput out, ChunkId id) throws IOException {
    out.write(id.bytes());
  }

  static ChunkId read(DataInput in) throws IOException {
    byte[] b = new byte[ChunkId.LENGTH];
    in.readFully(b);
    return ChunkId.of(b);
  }

  /** The first 12 hex digits: enough to name a chunk in a message. */
  static String shortHex(ChunkId id) {
    return id.toString().substring(0, 12);
  }
}
