package dev.ferry.volumes.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.volumes.fs.TestTrees;
import dev.ferry.volumes.fs.TreeVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real sockets, real files: cuts, a killed receiver, a full disk, a foreign certificate. */
class DirectFaultTest {
  private static final int MIB = 1 << 20;
  private static final MigrationCertificates CERTS = MigrationCertificates.mint("fault-test");

  @TempDir
  Path tmp;
  Path src;
  Path dst;

  @BeforeEach
  void tree() throws IOException {
    src = tmp.resolve("src");
    dst = tmp.resolve("dst");
    TestTrees.rich(src);
    TestTrees.write(src.resolve("big/large.bin"), TestTrees.random(11, 64 * MIB));
  }

  private static DirectOptions options() {
    return DirectOptions.defaults().withConnections(2).withSegmentSize(8 * MIB);
  }

  @Test
  void aConnectionCutMidFileResumesWithoutResendingWhatArrived() throws Exception {
    try (Receiver receiver = Receiver.start(dst, CERTS.receiver(), options());
        CuttingProxy proxy = new CuttingProxy(receiver.port(), 30L * MIB)) {
      assertThatThrownBy(() -> Sender.send("127.0.0.1", proxy.port(), CERTS.sender(), src, options(), null))
          .isInstanceOf(IOException.class);
      assertThat(proxy.wasCut()).isTrue();
      assertThat(dst.resolve("big/large.bin")).doesNotExist(); // never half-written under its name

      TransferResult resumed = Sender.send("127.0.0.1", receiver.port(), CERTS.sender(), src, options(), null);

      TreeVerifier.verify(src, dst);
      // What reached the receiver's disk before the cut is not sent again: the resumed run sends
      // at most the missing bytes (plus protocol overhead).
      long missing = resumed.bytesTotal() - resumed.bytesUnchanged();
      assertThat(resumed.bytesSent()).as("sent on resume").isLessThan(missing + MIB);
      // 30 MiB crossed the proxy; up to ~2 × (socket buffers + a frame) were in flight when it cut.
      assertThat(resumed.bytesUnchanged()).as("kept from the cut run").isGreaterThan(16L * MIB);
    }
  }

  @Test
  void aReceiverKilledMidTransferIsReplacedAndTheTransferResumes() throws Exception {
    Receiver first = Receiver.start(dst, CERTS.receiver(), options());
    CompletableFuture<TransferResult> run = CompletableFuture.supplyAsync(() -> {
      try {
        return Sender.send("127.0.0.1", first.port(), CERTS.sender(), src, options(), null);
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    });
    long journaled = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while ((journaled = journaledBytes()) < 16L * MIB && !run.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    first.close(); // the receiver dies with at least 16 MiB of large.bin on disk
    assertThat(journaled).as("receiver had journaled data before it was closed").isGreaterThanOrEqualTo(16L * MIB);
    assertThatThrownBy(() -> run.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .hasMessageContaining("run it again to resume");
    assertThat(dst.resolve("big/large.bin")).doesNotExist();

    try (Receiver second = Receiver.start(dst, CERTS.receiver(), options())) {
      TransferResult resumed = Sender.send("127.0.0.1", second.port(), CERTS.sender(), src, options(), null);
      TreeVerifier.verify(src, dst);
      assertThat(resumed.bytesUnchanged()).as("kept from the first receiver").isGreaterThanOrEqualTo(journaled);
      assertThat(resumed.bytesSent()).isLessThan(resumed.bytesTotal() - resumed.bytesUnchanged() + MIB);
    }
  }

  /** Bytes the receiver's resume journals say are on disk. */
  private long journaledBytes() throws IOException {
    Path area = dst.resolve(".ferry-partial");
    long sum = 0;
    if (Files.isDirectory(area)) {
      try (var files = Files.newDirectoryStream(area, "*.journal")) {
        for (Path j : files) {
          PartialArea.Partial p = PartialArea.readJournal(j);
          sum += p == null ? 0 : p.done().covered();
        }
      } catch (java.nio.file.NoSuchFileException e) {
        return sum; // a journal completed and went away while listing
      }
    }
    return sum;
  }

  @Test
  void aFullDestinationDiskIsAClearErrorAndLeavesNoHalfWrittenFile() throws Exception {
    Files.createDirectories(dst);
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs", dst.toString())
        .inheritIO().start();
    assertThat(mount.waitFor()).as("mount a 20 MiB tmpfs (tests run as root)").isZero();
    try (Receiver receiver = Receiver.start(dst, CERTS.receiver(), options())) {
      assertThatThrownBy(() -> Sender.send("127.0.0.1", receiver.port(), CERTS.sender(), src, options(), null))
          .isInstanceOf(DirectTransferException.class)
          .hasMessageContaining("destination volume is full writing big/large.bin")
          .hasMessageContaining("free of 20.0 MiB")
          .hasMessageContaining("enlarge the destination volume");
      assertThat(dst.resolve("big/large.bin")).doesNotExist();
    } finally {
      new ProcessBuilder("umount", dst.toString()).inheritIO().start().waitFor();
    }
  }

  @Test
  void aCertificateOfAnotherMigrationIsRefused() throws Exception {
    MigrationCertificates other = MigrationCertificates.mint("another-migration");
    try (Receiver receiver = Receiver.start(dst, CERTS.receiver(), options())) {
      assertThatThrownBy(() -> Sender.send("127.0.0.1", receiver.port(), other.sender(), src, options(), null))
          .isInstanceOf(DirectTransferException.class)
          .hasMessageContaining("certificates minted for the same migration");
      // and the other way round: a receiver of another migration is not trusted by this sender
      try (Receiver foreign = Receiver.start(tmp.resolve("dst2"), other.receiver(), options())) {
        assertThatThrownBy(() -> Sender.send("127.0.0.1", foreign.port(), CERTS.sender(), src, options(), null))
            .isInstanceOf(DirectTransferException.class)
            .hasMessageContaining("certificates minted for the same migration");
      }
      try (var files = Files.list(dst)) {
        assertThat(files).isEmpty();
      }
    }
  }

  @Test
  void plaintextIsRefusedByATlsReceiver() throws Exception {
    try (Receiver receiver = Receiver.start(dst, CERTS.receiver(), options())) {
      assertThatThrownBy(() -> Sender.send("127.0.0.1", receiver.port(), null, src,
          options().withPlaintextForTesting(true), null)).isInstanceOf(IOException.class);
      try (var files = Files.list(dst)) {
        assertThat(files).isEmpty();
      }
    }
  }
}
