package dev.ferry.volumes.chunk;

import java.util.Arrays;
import java.util.HexFormat;

/** A chunk's identity: the SHA-256 of its bytes. Immutable; {@link #toString()} is lowercase hex. */
public final class ChunkId implements Comparable<ChunkId> {
  public static final int LENGTH = 32;
  private final byte[] hash;

  private ChunkId(byte[] hash) {
    this.hash = hash;
  }

  /** Wraps a copy of a 32-byte SHA-256 digest. */
  public static ChunkId of(byte[] sha256) {
    if (sha256.length != LENGTH) {
      throw new IllegalArgumentException("a chunk id is a 32-byte SHA-256, got " + sha256.length + " bytes");
    }
    return new ChunkId(sha256.clone());
  }

  /** Takes ownership of the array (no copy): for digests fresh from {@code MessageDigest.digest()}. */
  static ChunkId wrap(byte[] sha256) {
    return new ChunkId(sha256);
  }

  public static ChunkId fromHex(String hex) {
    if (hex.length() != 2 * LENGTH) {
      throw new IllegalArgumentException("a chunk id is 64 hex characters, got '" + hex + "'");
    }
    return new ChunkId(HexFormat.of().parseHex(hex));
  }

  public byte[] bytes() {
    return hash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChunkId other && Arrays.equals(hash, other.hash);
  }

  @Override
  public int hashCode() {
    // SHA-256 bytes are uniformly distributed: the first four are as good a hash as any.
    return (hash[0] & 0xff) << 24 | (hash[1] & 0xff) << 16 | (hash[2] & 0xff) << 8 | (hash[3] & 0xff);
  }

  @Override
  public int compareTo(ChunkId o) {
    return Arrays.compareUnsigned(hash, o.hash);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(hash);
  }
}
