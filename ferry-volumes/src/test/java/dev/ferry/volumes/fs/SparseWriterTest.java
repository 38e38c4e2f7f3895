package dev.ferry.volumes.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparseWriterTest {
  @TempDir
  Path tmp;

  @Test
  void zeroBlocksBecomeHolesAndTheLengthIncludesATrailingHole() throws Exception {
    Path f = tmp.resolve("out");
    byte[] content = new byte[4 << 20];
    byte[] data = TestTrees.random(9, 10_000);
    System.arraycopy(data, 0, content, 1 << 20, data.length);
    try (SparseWriter w = new SparseWriter(f)) {
      w.write(ByteBuffer.wrap(content), 0);
      w.finish(16 << 20);
    }

    byte[] read = Files.readAllBytes(f);
    assertThat(read).hasSize(16 << 20);
    byte[] expected = new byte[16 << 20];
    System.arraycopy(content, 0, expected, 0, content.length);
    assertThat(read).isEqualTo(expected);
    assertThat(TestTrees.allocated(f)).isLessThanOrEqualTo(64 << 10);
  }

  @Test
  void partialBlocksAndDenseWritesLandAtTheirPositions() throws Exception {
    Path f = tmp.resolve("out");
    byte[] a = TestTrees.random(1, 5000);
    try (SparseWriter w = new SparseWriter(f)) {
      w.write(ByteBuffer.wrap(a, 100, 4900), 7);
      w.writeDense(ByteBuffer.wrap(new byte[] {0, 0, 5}), 20_000);
      w.finish(20_003);
    }
    byte[] read = Files.readAllBytes(f);
    assertThat(read).hasSize(20_003);
    assertThat(java.util.Arrays.copyOfRange(read, 7, 4907)).isEqualTo(java.util.Arrays.copyOfRange(a, 100, 5000));
    assertThat(read[20_002]).isEqualTo((byte) 5);
    assertThat(read[6]).isZero();
  }

  @Test
  void isZeroSeesASingleNonZeroByteAnywhere() {
    ByteBuffer b = ByteBuffer.allocate(3 << 20);
    assertThat(SparseWriter.isZero(b, 0, b.capacity())).isTrue();
    b.put((3 << 20) - 1, (byte) 1);
    assertThat(SparseWriter.isZero(b, 0, b.capacity())).isFalse();
    assertThat(SparseWriter.isZero(b, 0, b.capacity() - 1)).isTrue();
  }
}
