package dev.ferry.volumes.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.volumes.fs.TestTrees;
import dev.ferry.volumes.fs.TreeVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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
      long rest = 64L * MIB + (8 << 20) - 30L * MIB;
      assertThat(resumed.bytesSent()).as("sent on resume").isLessThan(rest + 4L * MIB);
      assertThat(resumed.bytesUnchanged()).as("kept from the cut run").isGreaterThan(24L * MIB);
    }
  }

  @Test
  void aReceiverKilledMidTransferIsReplacedAndTheTransferResumes() throws Exception {
    CountDownLatch halfway = new CountDownLatch(1);
    DirectOptions opts = options().withProgressInterval(Duration.ofMillis(5));
    Receiver first = Receiver.start(dst, CERTS.receiver(), opts);
    CompletableFuture<TransferResult> run = CompletableFuture.supplyAsync(() -> {
      try {
        return Sender.send("127.0.0.1", first.port(), CERTS.sender(), src, opts, p -> {
          if (p.bytesTransferred() > 20L * MIB) {
            halfway.countDown();
          }
        });
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    });
    assertThat(halfway.await(60, TimeUnit.SECONDS)).isTrue();
    first.close();
    assertThatThrownBy(() -> run.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    assertThat(dst.resolve("big/large.bin")).doesNotExist();

    try (Receiver second = Receiver.start(dst, CERTS.receiver(), opts)) {
      TransferResult resumed = Sender.send("127.0.0.1", second.port(), CERTS.sender(), src, opts, null);
      TreeVerifier.verify(src, dst);
      assertThat(resumed.bytesUnchanged()).as("kept from the first receiver").isGreaterThan(8L * MIB);
      assertThat(resumed.bytesSent()).isLessThan(resumed.bytesTotal() - 8L * MIB);
    }
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
