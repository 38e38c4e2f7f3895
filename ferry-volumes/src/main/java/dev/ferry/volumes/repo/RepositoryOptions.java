package dev.ferry.volumes.repo;

import dev.ferry.volumes.chunk.ContentDefinedChunker;

/**
 * Tuning of a {@link SnapshotRepository}.
 *
 * @param chunker chunk boundaries; must stay the same for a repository, or dedup across snapshots is lost
 * @param packBytes a pack is uploaded once it holds this many bytes (fewer, larger objects for S3)
 * @param workers threads that read, chunk, hash and compress (snapshot) or download and write (restore)
 * @param uploadsInFlight full packs being uploaded at once; with {@code packBytes} this bounds memory
 */
public record RepositoryOptions(ContentDefinedChunker chunker, int packBytes, int workers, int uploadsInFlight) {
  public static RepositoryOptions defaults() {
    int cpus = Runtime.getRuntime().availableProcessors();
    return new RepositoryOptions(ContentDefinedChunker.forRepository(), 16 << 20, Math.max(2, cpus), 3);
  }

  public RepositoryOptions withPackBytes(int bytes) {
    return new RepositoryOptions(chunker, bytes, workers, uploadsInFlight);
  }
}
