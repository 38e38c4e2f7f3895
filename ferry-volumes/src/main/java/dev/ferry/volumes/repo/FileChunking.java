package dev.ferry.volumes.repo;

import dev.ferry.volumes.chunk.Chunk;
import dev.ferry.volumes.chunk.ChunkId;
import dev.ferry.volumes.chunk.ContentDefinedChunker;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * How the repository cuts a file into chunks. A file no longer than the chunker's minimum is
 * one chunk, hashed straight from a small buffer: the chunker would return the same single chunk
 * but allocates a window of several MiB per call, which dominates for tens of thousands of small
 * files. Snapshot, restore's "already identical?" check and verify all go through here, so they
 * always agree on chunk boundaries.
 */
final class FileChunking {
  /** Receives each chunk's bytes ({@code data[offset .. offset+length)}, valid only during the call). */
  @FunctionalInterface
  interface Sink {
    void accept(Chunk chunk, byte[] data, int offset) throws IOException, InterruptedException;
  }

  private final ContentDefinedChunker chunker;

  FileChunking(ContentDefinedChunker chunker) {
    this.chunker = chunker;
  }

  int smallFileLimit() {
    return chunker.minSize();
  }

  /** Chunks the whole file; returns how many bytes it read (the file may have changed since it was scanned). */
  long chunk(Path file, Sink sink) throws IOException, InterruptedException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size <= chunker.minSize()) {
        byte[] data = new byte[(int) size];
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
          // keep reading: a file that shrank meanwhile ends early
        }
        int n = buffer.position();
        if (n > 0) {
          sink.accept(new Chunk(0, n, Ids.hash(data, 0, n)), data, 0);
        }
        return n;
      }
      long[] total = {0};
      try {
        chunker.chunk(channel, (c, data, offset) -> {
          try {
            sink.accept(c, data, offset);
          } catch (InterruptedException e) {
            throw new InterruptedIoBridge(e);
          }
          total[0] += c.length();
        });
      } catch (InterruptedIoBridge e) {
        throw (InterruptedException) e.getCause();
      }
      return total[0];
    }
  }

  List<ChunkId> chunkIds(Path file) throws IOException, InterruptedException {
    List<ChunkId> ids = new ArrayList<>();
    chunk(file, (c, d, o) -> ids.add(c.id()));
    return ids;
  }

  /** Carries an interrupt through the chunker's IOException-only callback. */
  private static final class InterruptedIoBridge extends IOException {
    InterruptedIoBridge(InterruptedException cause) {
      super(cause);
    }
  }
}
