package dev.ferry.volumes.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentDefinedChunkerTest {
  @TempDir
  Path tmp;

  private static byte[] random(long seed, int n) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void chunksCoverTheInputContiguouslyWithinBoundsAndHashTheirBytes() throws Exception {
    ContentDefinedChunker c = new ContentDefinedChunker(4096, 16384, 65536);
    byte[] data = random(1, 3_000_000);
    List<Chunk> chunks = c.chunks(Files.write(tmp.resolve("f"), data));

    long expectedOffset = 0;
    for (int i = 0; i < chunks.size(); i++) {
      Chunk ch = chunks.get(i);
      assertThat(ch.offset()).isEqualTo(expectedOffset);
      assertThat(ch.length()).isLessThanOrEqualTo(65536);
      if (i < chunks.size() - 1) {
        assertThat(ch.length()).isGreaterThan(4096);
      }
      byte[] sha = MessageDigest.getInstance("SHA-256")
          .digest(Arrays.copyOfRange(data, (int) ch.offset(), (int) ch.end()));
      assertThat(ch.id()).isEqualTo(ChunkId.of(sha));
      expectedOffset = ch.end();
    }
    assertThat(expectedOffset).isEqualTo(data.length);
    double avg = (double) data.length / chunks.size();
    assertThat(avg).isBetween(16384 * 0.6, 16384 * 1.6);
  }

  @Test
  void aChangeInTheMiddleOnlyChangesNearbyChunks() throws Exception {
    ContentDefinedChunker c = ContentDefinedChunker.forDelta();
    byte[] data = random(2, 8 << 20);
    List<Chunk> before = c.chunks(Files.write(tmp.resolve("a"), data));
    byte[] changed = new byte[data.length + 7];
    System.arraycopy(data, 0, changed, 0, 4 << 20);
    System.arraycopy(new byte[] {1, 2, 3, 4, 5, 6, 7}, 0, changed, 4 << 20, 7); // an insertion shifts the rest
    System.arraycopy(data, 4 << 20, changed, (4 << 20) + 7, data.length - (4 << 20));
    List<Chunk> after = c.chunks(Files.write(tmp.resolve("b"), changed));

    Set<ChunkId> old = new HashSet<>();
    before.forEach(ch -> old.add(ch.id()));
    long newBytes = after.stream().filter(ch -> !old.contains(ch.id())).mapToLong(Chunk::length).sum();
    assertThat(newBytes).isLessThanOrEqualTo(2L * c.maxSize());
  }

  @Test
  void streamAndChannelGiveTheSameChunksAndEmptyInputHasNone() throws Exception {
    ContentDefinedChunker c = new ContentDefinedChunker(1024, 4096, 16384);
    byte[] data = random(3, 500_000);
    List<Chunk> fromFile = c.chunks(Files.write(tmp.resolve("f"), data));
    List<Chunk> fromStream = new java.util.ArrayList<>();
    c.chunk(new ByteArrayInputStream(data), (ch, d, o) -> fromStream.add(ch));
    assertThat(fromStream).isEqualTo(fromFile);
    assertThat(c.chunks(Files.write(tmp.resolve("e"), new byte[0]))).isEmpty();
    assertThat(c.chunks(Files.write(tmp.resolve("s"), new byte[10]))).singleElement()
        .satisfies(ch -> assertThat(ch.length()).isEqualTo(10));
  }

  @Test
  void consumerSeesEachChunksBytes() throws Exception {
    ContentDefinedChunker c = new ContentDefinedChunker(1024, 4096, 16384);
    byte[] data = random(4, 100_000);
    byte[] rebuilt = new byte[data.length];
    c.chunk(new ByteArrayInputStream(data), (ch, d, o) -> System.arraycopy(d, o, rebuilt, (int) ch.offset(), ch.length()));
    assertThat(rebuilt).isEqualTo(data);
  }

  @Test
  void zerosCutAtMaxSizeAndDeduplicate() throws Exception {
    ContentDefinedChunker c = new ContentDefinedChunker(1024, 4096, 16384);
    List<Chunk> chunks = c.chunks(Files.write(tmp.resolve("z"), new byte[100_000]));
    assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(ch -> assertThat(ch.length()).isEqualTo(16384));
    assertThat(chunks.stream().map(Chunk::id).distinct().count()).isEqualTo(2);
  }

  @Test
  void rejectsBadSizes() {
    assertThatThrownBy(() -> new ContentDefinedChunker(4096, 3000, 8192)).hasMessageContaining("power of two");
    assertThatThrownBy(() -> new ContentDefinedChunker(8192, 4096, 16384)).hasMessageContaining("min <= avg");
  }

  /** Prints the chunking+hashing rate of the repository and delta configurations (no assertion on speed). */
  @Test
  void measuresThroughput() throws Exception {
    byte[] data = random(5, 256 << 20);
    for (ContentDefinedChunker c : List.of(ContentDefinedChunker.forRepository(), ContentDefinedChunker.forDelta())) {
      long best = Long.MAX_VALUE;
      long count = 0;
      for (int round = 0; round < 3; round++) {
        long t0 = System.nanoTime();
        long[] n = {0};
        c.chunk(new ByteArrayInputStream(data), (ch, d, o) -> n[0]++);
        best = Math.min(best, System.nanoTime() - t0);
        count = n[0];
      }
      System.out.printf("chunk+sha256 %d/%d/%d KiB: %.0f MB/s (%d chunks of 256 MiB)%n", c.minSize() >> 10,
          c.avgSize() >> 10, c.maxSize() >> 10, data.length / (best / 1e9) / 1e6, count);
      assertThat(count).isPositive();
    }
  }
}
