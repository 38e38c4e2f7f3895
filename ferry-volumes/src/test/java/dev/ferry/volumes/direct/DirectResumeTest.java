package dev.ferry.volumes.direct;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.volumes.fs.TestTrees;
import dev.ferry.volumes.fs.TreeVerifier;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resume after the sender dies: a real sender JVM killed with SIGKILL mid-transfer, real sockets
 * and files. What arrived stays (large files by their journal, small files under their final
 * name), and a resumed large file keeps its holes.
 */
class DirectResumeTest {
  private static final int MIB = 1 << 20;
  private static final MigrationCertificates CERTS = MigrationCertificates.mint("resume-test");

  @TempDir
  Path tmp;

  @Test
  void aSenderKilledMidFileResumesWithoutResendingWhatArrivedAndKeepsHoles() throws Exception {
    Path src = tmp.resolve("src");
    Path dst = tmp.resolve("dst");
    TestTrees.rich(src);
    // 96 MiB: every 8 MiB segment is 4 MiB of data and 4 MiB of zeros, so whichever segments the
    // killed run did not finish contain holes the resumed run must not fill in. 48 MiB of data
    // is more than the sockets can buffer, so the kill lands mid-file.
    Path big = src.resolve("big/sparse-large.bin");
    Files.createDirectories(big.getParent());
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      for (int s = 0; s < 12; s++) {
        f.seek((long) s * 8 * MIB);
        f.write(TestTrees.random(500 + s, 4 * MIB));
      }
      f.setLength(96L * MIB);
    }
    DirectOptions options = DirectOptions.defaults().withConnections(2).withSegmentSize(8 * MIB);
    try (Receiver receiver = Receiver.start(dst, CERTS.receiver(), options)) {
      Process sender = startSender(receiver, src);
      long journaled = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while ((journaled = journaledBytes(dst)) < 8L * MIB && sender.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      kill(sender);
      assertThat(journaled).as("the receiver journaled part of the large file before the sender died; sender log: "
          + Files.readString(tmp.resolve("sender.log"))).isGreaterThanOrEqualTo(8L * MIB);
      assertThat(dst.resolve("big/sparse-large.bin")).doesNotExist();

      TransferResult resumed = Sender.send("127.0.0.1", receiver.port(), CERTS.sender(), src, options, null);

      TreeVerifier.verify(src, dst);
      assertThat(resumed.bytesUnchanged()).as("kept from the killed run").isGreaterThanOrEqualTo(journaled);
      long missing = resumed.bytesTotal() - resumed.bytesUnchanged();
      assertThat(resumed.bytesSent()).as("sent on resume").isLessThan(missing + MIB);
      // 48 MiB of data in 96 MiB: holes stayed holes, in the ranges sent before and after the kill.
      assertThat(TestTrees.allocated(dst.resolve("big/sparse-large.bin"))).isLessThan(50L * MIB);
    }
  }

  @Test
  void smallFilesThatArrivedBeforeTheSenderWasKilledAreNotSentAgain() throws Exception {
    Path src = tmp.resolve("src");
    Path dst = tmp.resolve("dst");
    Path small = Files.createDirectories(src.resolve("small"));
    for (int i = 0; i < 3000; i++) {
      TestTrees.write(small.resolve("f" + i), TestTrees.random(100 + i, 8000 + i * 8));
    }
    DirectOptions options = DirectOptions.defaults().withConnections(2).withSegmentSize(8 * MIB);
    try (Receiver receiver = Receiver.start(dst, CERTS.receiver(), options)) {
      Process sender = startSender(receiver, src);
      long arrived = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while ((arrived = count(dst.resolve("small"))) < 300 && sender.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      kill(sender);
      arrived = count(dst.resolve("small")); // whatever the receiver still finished from its buffers
      assertThat(arrived).as("small files had arrived before the kill; sender log: "
          + Files.readString(tmp.resolve("sender.log"))).isBetween(300L, 2999L);

      TransferResult resumed = Sender.send("127.0.0.1", receiver.port(), CERTS.sender(), src, options, null);

      TreeVerifier.verify(src, dst);
      // Each arrived under its final name with the source's size and mtime: not sent again
      // (at most: the receiver may have finished a few more from its buffers after the count).
      assertThat(resumed.filesSent()).as("files sent on resume, " + arrived + " of 3000 had arrived")
          .isLessThanOrEqualTo(3000 - arrived);
    }
  }

  private Process startSender(Receiver receiver, Path src) throws IOException {
    Path creds = Files.createDirectories(tmp.resolve("creds"));
    Files.writeString(creds.resolve("ca.pem"), CERTS.sender().caCertPem());
    Files.writeString(creds.resolve("cert.pem"), CERTS.sender().certPem());
    Files.writeString(creds.resolve("key.pem"), CERTS.sender().keyPem());
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SenderProcessMain.class.getName(),
        "127.0.0.1", String.valueOf(receiver.port()), creds.toString(), src.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("sender.log").toFile()).start();
  }

  /** SIGKILL, as when a mover pod is killed: no goodbye on any connection. */
  private static void kill(Process sender) throws InterruptedException {
    sender.destroyForcibly();
    sender.waitFor(30, TimeUnit.SECONDS);
    Thread.sleep(500); // the receiver writes out what was already in its socket buffers, then sees the reset
  }

  private static long count(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  /** Bytes the receiver's resume journals say are on disk. */
  private static long journaledBytes(Path dst) throws IOException {
    Path area = dst.resolve(".ferry-partial");
    long sum = 0;
    if (Files.isDirectory(area)) {
      try (var files = Files.newDirectoryStream(area, "*.journal")) {
        for (Path j : files) {
          PartialArea.Partial p = PartialArea.readJournal(j);
          sum += p == null ? 0 : p.done().covered();
        }
      } catch (java.nio.file.NoSuchFileException e) {
        return sum;
      }
    }
    return sum;
  }
}
