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
 * Resume after the sender dies: a real sender JVM killed with SIGKILL mid-file, real sockets and
 * files. What arrived stays (large files by their journal, small files under their final name),
 * and a resumed large file keeps its holes.
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
    Path small = Files.createDirectories(src.resolve("small"));
    for (int i = 0; i < 200; i++) {
      TestTrees.write(small.resolve("f" + i), TestTrees.random(100 + i, 2000 + i * 10));
    }
    // 96 MiB: in every 8 MiB segment 1 MiB of data and 7 MiB of zeros, so whichever segments the
    // killed run did not finish contain holes the resumed run must not fill in.
    Path big = src.resolve("big/sparse-large.bin");
    Files.createDirectories(big.getParent());
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      for (int s = 0; s < 12; s++) {
        f.seek((long) s * 8 * MIB);
        f.write(TestTrees.random(500 + s, MIB));
      }
      f.setLength(96L * MIB);
    }
    Path creds = Files.createDirectories(tmp.resolve("creds"));
    Files.writeString(creds.resolve("ca.pem"), CERTS.sender().caCertPem());
    Files.writeString(creds.resolve("cert.pem"), CERTS.sender().certPem());
    Files.writeString(creds.resolve("key.pem"), CERTS.sender().keyPem());

    DirectOptions options = DirectOptions.defaults().withConnections(2).withSegmentSize(8 * MIB);
    try (Receiver receiver = Receiver.start(dst, CERTS.receiver(), options)) {
      Process sender = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), SenderProcessMain.class.getName(),
          "127.0.0.1", String.valueOf(receiver.port()), creds.toString(), src.toString())
          .redirectErrorStream(true).redirectOutput(tmp.resolve("sender.log").toFile()).start();
      long journaled = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while ((journaled = journaledBytes(dst)) < 8L * MIB && sender.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      sender.destroyForcibly(); // SIGKILL: no goodbye on any connection
      sender.waitFor(30, TimeUnit.SECONDS);
      assertThat(journaled).as("the receiver journaled part of the large file before the sender died; sender log: "
          + Files.readString(tmp.resolve("sender.log"))).isGreaterThanOrEqualTo(8L * MIB);
      assertThat(dst.resolve("big/sparse-large.bin")).doesNotExist();
      long smallArrived;
      try (Stream<Path> s = Files.exists(dst.resolve("small")) ? Files.list(dst.resolve("small")) : Stream.empty()) {
        smallArrived = s.count();
      }

      TransferResult resumed = Sender.send("127.0.0.1", receiver.port(), CERTS.sender(), src, options, null);

      TreeVerifier.verify(src, dst);
      assertThat(resumed.bytesUnchanged()).as("kept from the killed run").isGreaterThanOrEqualTo(journaled);
      long missing = resumed.bytesTotal() - resumed.bytesUnchanged();
      assertThat(resumed.bytesSent()).as("sent on resume").isLessThan(missing + MIB);
      // Small files that arrived whole are under their final name with the source's size and
      // mtime: the resumed run does not send them again.
      assertThat(resumed.filesSent()).as("files sent on resume (" + smallArrived + " small files had arrived)")
          .isLessThanOrEqualTo(resumed.filesTotal() - smallArrived);
      // 12 MiB of data in 96 MiB: holes stayed holes, in the ranges sent before and after the kill.
      assertThat(TestTrees.allocated(dst.resolve("big/sparse-large.bin"))).isLessThan(16L * MIB);
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
