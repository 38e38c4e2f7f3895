package dev.ferry.volumes.repo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The repository's name for a stored blob: the SHA-256 of its uncompressed content, so a chunk's
 * blob id equals the chunker's chunk id and a read can always be checked against it. Kept as raw
 * bytes (not hex) because the in-memory index holds one per chunk.
 */
public final class BlobId implements Comparable<BlobId> {
  public static final int LENGTH = 32;
  private final byte[] bytes;
  private final int hash;

  private BlobId(byte[] bytes) {
    this.bytes = bytes;
    // The bytes are already a cryptographic hash: any 4 of them make a good hash code.
    this.hash = (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
  }

  public static BlobId of(byte[] sha256) {
    if (sha256.length != LENGTH) {
      throw new IllegalArgumentException("a blob id is a SHA-256 (32 bytes), not " + sha256.length + " bytes");
    }
    return new BlobId(sha256.clone());
  }

  public static BlobId fromHex(String hex) {
    return of(HexFormat.of().parseHex(hex));
  }

  /** The id of {@code length} bytes of {@code data} from {@code offset}. */
  public static BlobId hash(byte[] data, int offset, int length) {
    MessageDigest digest = sha256();
    digest.update(data, offset, length);
    return new BlobId(digest.digest());
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  /** Writes the 32 bytes without copying them. */
  void writeTo(java.io.DataOutput out) throws java.io.IOException {
    out.write(bytes);
  }

  static BlobId readFrom(java.io.DataInput in) throws java.io.IOException {
    byte[] b = new byte[LENGTH];
    in.readFully(b);
    return new BlobId(b);
  }

  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  /** The first 12 hex digits, enough to name a blob in a message. */
  public String shortHex() {
    return hex().substring(0, 12);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlobId other && hash == other.hash && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public int compareTo(BlobId o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
