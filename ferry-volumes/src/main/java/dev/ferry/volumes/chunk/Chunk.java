package dev.ferry.volumes.chunk;

/**
 * A content-defined piece of a file.
 *
 * @param offset where it starts in the file
 * @param length its length in bytes
 * @param id SHA-256 of its bytes
 */
public record Chunk(long offset, int length, ChunkId id) {
  public long end() {
    return offset + length;
  }
}
