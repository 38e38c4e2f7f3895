package dev.ferry.volumes.repo;

import dev.ferry.volumes.chunk.ChunkId;

/**
 * One blob inside a pack.
 *
 * @param id SHA-256 of the uncompressed content
 * @param offset where the stored bytes start in the pack
 * @param storedLength bytes in the pack (compressed, or raw when {@code compressed} is false)
 * @param rawLength bytes after decompression
 * @param compressed whether the stored bytes are a zstd frame
 */
public record PackEntry(ChunkId id, int offset, int storedLength, int rawLength, boolean compressed) {
}
