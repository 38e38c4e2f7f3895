package dev.ferry.volumes.direct;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.volumes.fs.TestTrees;
import dev.ferry.volumes.fs.TreeVerifier;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaTransferTest {
  private static final int MIB = 1 << 20;

  @TempDir
  Path tmp;

  @Test
  void changingOnePercentOfLargeFilesSendsAtMostTwiceTheChangedBytes() throws Exception {
    Path src = tmp.resolve("src");
    Path dst = tmp.resolve("dst");
    for (int i = 0; i < 3; i++) {
      TestTrees.write(src.resolve("large-" + i + ".bin"), TestTrees.random(100 + i, 32 * MIB));
    }
    TestTrees.write(src.resolve("small.txt"), "unchanged".getBytes());
    DirectTransfer.copyLocal(src, dst, DirectOptions.defaults(), null);

    // 1 % of each file's bytes, rewritten in runs of 64 KiB at random places; one file also grows by an insertion.
    long changed = 0;
    Random rnd = new Random(42);
    for (int i = 0; i < 3; i++) {
      Path f = src.resolve("large-" + i + ".bin");
      try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
        int runs = (int) (raf.length() / 100 / (64 << 10));
        for (int r = 0; r < runs; r++) {
          byte[] run = new byte[64 << 10];
          rnd.nextBytes(run);
          raf.seek((long) (rnd.nextDouble() * (raf.length() - run.length)));
          raf.write(run);
          changed += run.length;
        }
      }
      Files.setLastModifiedTime(f, FileTime.from(Instant.now()));
    }
    byte[] original = Files.readAllBytes(src.resolve("large-0.bin"));
    byte[] inserted = TestTrees.random(5, 100_000);
    byte[] grown = new byte[original.length + inserted.length];
    System.arraycopy(original, 0, grown, 0, 10 * MIB);
    System.arraycopy(inserted, 0, grown, 10 * MIB, inserted.length);
    System.arraycopy(original, 10 * MIB, grown, 10 * MIB + inserted.length, original.length - 10 * MIB);
    Files.write(src.resolve("large-0.bin"), grown);
    changed += inserted.length;

    TransferResult delta = DirectTransfer.copyLocal(src, dst, DirectOptions.defaults(), null);

    TreeVerifier.verify(src, dst);
    System.out.printf("delta: changed %d bytes, sent %d, received %d (chunk lists), unchanged %d%n", changed,
        delta.bytesSent(), delta.bytesReceived(), delta.bytesUnchanged());
    assertThat(delta.filesSent()).isEqualTo(3);
    assertThat(delta.bytesSent()).isLessThanOrEqualTo(2 * changed);
    assertThat(delta.bytesUnchanged()).isGreaterThan(90L * MIB);
  }

  @Test
  void aDeltaAgainstAnUnrelatedFileStillProducesTheRightContent() throws Exception {
    Path src = tmp.resolve("src");
    Path dst = tmp.resolve("dst");
    TestTrees.write(src.resolve("f.bin"), TestTrees.random(1, 3 * MIB));
    TestTrees.write(dst.resolve("f.bin"), TestTrees.random(2, 5 * MIB)); // nothing in common, and larger

    TransferResult r = DirectTransfer.copyLocal(src, dst, DirectOptions.defaults(), null);

    TreeVerifier.verify(src, dst);
    assertThat(r.bytesSent()).isGreaterThanOrEqualTo(3L * MIB);
  }
}
