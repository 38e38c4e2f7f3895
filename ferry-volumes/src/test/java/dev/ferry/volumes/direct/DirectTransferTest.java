package dev.ferry.volumes.direct;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.volumes.TransferProgress;
import dev.ferry.volumes.fs.TestTrees;
import dev.ferry.volumes.fs.TreeVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectTransferTest {
  @TempDir
  Path tmp;

  @Test
  void copiesARichTreeOverTlsAndVerifies() throws Exception {
    Path src = tmp.resolve("src");
    Path dst = tmp.resolve("dst");
    TestTrees.rich(src);
    TestTrees.write(src.resolve("big/large.bin"), TestTrees.random(7, 40 << 20)); // several segments
    List<TransferProgress> progress = new CopyOnWriteArrayList<>();

    TransferResult r = DirectTransfer.copyLocal(src, dst, DirectOptions.defaults().withSegmentSize(4 << 20),
        progress::add);

    TreeVerifier.verify(src, dst);
    assertThat(Files.exists(dst.resolve(".ferry-partial"))).isFalse();
    assertThat(r.filesTotal()).isEqualTo(7);
    assertThat(r.filesSent()).isEqualTo(7);
    assertThat(r.bytesTotal()).isEqualTo((40 << 20) + 200_000 + 12 + 5000 + (8 << 20) + 10);
    // The sparse file's holes are not sent.
    assertThat(r.bytesSent()).isBetween((long) (40 << 20), r.bytesTotal() - (6 << 20));
    assertThat(progress).isNotEmpty();
    TransferProgress last = progress.get(progress.size() - 1);
    assertThat(last.percent()).isEqualTo(100);
    assertThat(last.filesDone()).isEqualTo(7);
    // A sparse source stays sparse.
    assertThat(TestTrees.allocated(dst.resolve("sparse.img"))).isLessThan(1 << 20);
  }

  @Test
  void aSecondRunSendsNoContentAndMirrorsChanges() throws Exception {
    Path src = tmp.resolve("src");
    Path dst = tmp.resolve("dst");
    TestTrees.rich(src);
    DirectTransfer.copyLocal(src, dst, DirectOptions.defaults(), null);

    TransferResult again = DirectTransfer.copyLocal(src, dst, DirectOptions.defaults(), null);
    assertThat(again.filesSent()).isZero();
    assertThat(again.bytesUnchanged()).isEqualTo(again.bytesTotal());
    assertThat(again.bytesSent()).isLessThan(10_000); // hello + manifest only

    Files.delete(src.resolve("data/small.txt")); // deleted on the source
    Files.delete(src.resolve("rel-link"));
    Files.createSymbolicLink(src.resolve("rel-link"), Path.of("elsewhere")); // retargeted
    Files.delete(src.resolve("empty-dir"));
    TestTrees.write(src.resolve("empty-dir"), "now a file".getBytes()); // directory became a file
    TestTrees.write(src.resolve("deep/new.txt"), "new".getBytes());
    Files.setAttribute(src.resolve("deep/er/still/leaf"), "unix:uid", 4242); // metadata-only change
    Files.setAttribute(src.resolve("data/a.bin"), "unix:mode", 0604); // changes the hard link's mode too

    TransferResult third = DirectTransfer.copyLocal(src, dst, DirectOptions.defaults(), null);

    TreeVerifier.verify(src, dst);
    assertThat(third.filesSent()).isEqualTo(2);
    assertThat(third.entriesDeleted()).isEqualTo(1);
  }

  @Test
  void plaintextModeWorksForBenchmarks() throws Exception {
    Path src = tmp.resolve("src");
    Path dst = tmp.resolve("dst");
    TestTrees.rich(src);
    DirectTransfer.copyLocal(src, dst, DirectOptions.defaults().withPlaintextForTesting(true), null);
    TreeVerifier.verify(src, dst);
  }
}
