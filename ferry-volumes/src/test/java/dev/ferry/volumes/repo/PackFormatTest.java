package dev.ferry.volumes.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PackFormatTest {
  private static final Random RANDOM = new Random(7);

  @Test
  void packTrailerAndIndexObjectRoundTrip() {
    byte[] a = "hello hello hello hello hello hello".repeat(50).getBytes();
    byte[] b = new byte[5000];
    RANDOM.nextBytes(b);
    byte[] storedA = BlobCompression.compress(a, 0, a.length);
    assertThat(storedA).as("repetitive text compresses").isNotNull().hasSizeLessThan(a.length);
    assertThat(BlobCompression.compress(b, 0, b.length)).as("random bytes are stored raw").isNull();

    List<PackEntry> entries = List.of(
        new PackEntry(Ids.hash(a, 0, a.length), 0, storedA.length, a.length, true),
        new PackEntry(Ids.hash(b, 0, b.length), storedA.length, b.length, b.length, false));
    ByteArrayOutputStream pack = new ByteArrayOutputStream();
    pack.writeBytes(storedA);
    pack.writeBytes(b);
    pack.writeBytes(PackFormat.trailer(entries));

    assertThat(PackFormat.parsePack(pack.toByteArray(), "pack p")).isEqualTo(entries);
    assertThat(PackFormat.parseIndexObject(PackFormat.indexObject(entries), "index i", Integer.MAX_VALUE))
        .isEqualTo(entries);
    assertThat(BlobCompression.decompress(pack.toByteArray(), 0, storedA.length, a.length)).isEqualTo(a);
  }

  @Test
  void truncatedOrDamagedPacksAreClearErrorsNamingThePack() {
    byte[] blob = new byte[100];
    List<PackEntry> entries = List.of(new PackEntry(Ids.hash(blob, 0, 100), 0, 100, 100, false));
    byte[] pack = concat(blob, PackFormat.trailer(entries));

    assertThatThrownBy(() -> PackFormat.parsePack(Arrays.copyOf(pack, pack.length - 3), "pack object volumes/packs/ab/abc"))
        .isInstanceOf(RepositoryCorruptException.class)
        .hasMessageContaining("pack object volumes/packs/ab/abc").hasMessageContaining("truncated");
    byte[] shifted = concat(new byte[1], pack);
    assertThatThrownBy(() -> PackFormat.parsePack(shifted, "pack object P"))
        .isInstanceOf(RepositoryCorruptException.class).hasMessageContaining("pack object P")
        .hasMessageContaining("damaged trailer");
    assertThatThrownBy(() -> PackFormat.parseIndexObject("garbage".getBytes(), "index object I", 10))
        .isInstanceOf(RepositoryCorruptException.class).hasMessageContaining("index object I");
  }

  @Test
  void largeRandomChunksSkipCompressionAndLargeTextChunksCompress() {
    byte[] random = new byte[1 << 20];
    RANDOM.nextBytes(random);
    assertThat(BlobCompression.compress(random, 0, random.length)).isNull();
    byte[] text = "2026-11-28 INFO worker-3 restored chunk 42 in 7 ms\n".repeat(30_000).getBytes();
    byte[] stored = BlobCompression.compress(text, 0, text.length);
    assertThat(stored).hasSizeLessThan(text.length / 10);
    assertThat(BlobCompression.decompress(stored, 0, stored.length, text.length)).isEqualTo(text);
  }

  @Test
  void corruptZstdDataIsReported() {
    byte[] a = "abcabcabcabcabcabcabcabcabcabcabcabcabcabc".repeat(20).getBytes();
    byte[] stored = BlobCompression.compress(a, 0, a.length);
    stored[stored.length / 2] ^= 0x55;
    stored[3] ^= 0x7f;
    assertThatThrownBy(() -> BlobCompression.decompress(stored, 0, stored.length, a.length))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] concat(byte[] x, byte[] y) {
    byte[] out = Arrays.copyOf(x, x.length + y.length);
    System.arraycopy(y, 0, out, x.length, y.length);
    return out;
  }
}
