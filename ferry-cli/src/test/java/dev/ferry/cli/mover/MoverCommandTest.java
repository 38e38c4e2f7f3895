package dev.ferry.cli.mover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.cli.Main;
import dev.ferry.controller.volumes.LibraryVolumeMover;
import dev.ferry.volumes.mover.MoverTlsFiles;
import dev.ferry.volumes.fs.TreeVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The pod entry points, run as the pods run them: `ferry mover receive` and `send` over real mutual TLS. */
class MoverCommandTest {

  @Test
  void receiveAndSendCopyAVolumeThenOnlyChanges(@TempDir Path dir) throws Exception {
    Path source = tree(dir.resolve("source"));
    Path destination = dir.resolve("destination");
    Path tls = dir.resolve("tls");
    MoverTlsFiles.write(tls, new LibraryVolumeMover().mintTls("cli-test"));

    Run first = transfer(source, destination, tls);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("sent: Completed: 3 files");
    TreeVerifier.verify(source, destination);

    Files.writeString(source.resolve("notes.txt"), "changed\n");
    Run second = transfer(source, destination, tls);
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains("the rest was already on the destination");
    TreeVerifier.verify(source, destination);
  }

  @Test
  void aSenderWithAnotherTransfersCertificatesIsRefused(@TempDir Path dir) throws Exception {
    Path source = tree(dir.resolve("source"));
    Path receiverTls = dir.resolve("receiver-tls");
    Path senderTls = dir.resolve("sender-tls");
    MoverTlsFiles.write(receiverTls, new LibraryVolumeMover().mintTls("one"));
    MoverTlsFiles.write(senderTls, new LibraryVolumeMover().mintTls("other"));
    int port = freePort();
    CompletableFuture<Run> receiver = CompletableFuture.supplyAsync(() -> run("mover", "receive", "--root",
        dir.resolve("destination").toString(), "--listen", "127.0.0.1:" + port, "--tls-dir", receiverTls.toString(),
        "--timeout", "PT2S"));
    Run send = run("mover", "send", "--root", source.toString(), "--to", "127.0.0.1:" + port, "--tls-dir",
        senderTls.toString(), "--connect-timeout", "PT20S");
    assertThat(send.exitCode()).isEqualTo(1);
    assertThat(send.err().strip()).startsWith("ferry mover: error: ").doesNotContain("\tat ");
    assertThat(send.err().strip().lines()).hasSize(1);
    assertThat(receiver.get(30, TimeUnit.SECONDS).exitCode()).isEqualTo(1);
    assertThat(dir.resolve("destination/notes.txt")).doesNotExist();
  }

  @Test
  void snapshotAndRestoreThroughAFilesystemRepository(@TempDir Path dir) throws Exception {
    Path source = tree(dir.resolve("source"));
    String repository = "file://" + Files.createDirectory(dir.resolve("repository"));
    Run snapshot = run("mover", "snapshot", "--root", source.toString(), "--repository", repository,
        "--tag", "pvc=shop/data");
    assertThat(snapshot.exitCode()).as(snapshot.err()).isZero();
    String id = snapshot.out().lines().filter(l -> l.startsWith("snapshot ")).findFirst().orElseThrow()
        .substring("snapshot ".length());

    Path restored = dir.resolve("restored");
    Run restore = run("mover", "restore", "--snapshot", id, "--root", restored.toString(), "--repository", repository);
    assertThat(restore.exitCode()).as(restore.err()).isZero();
    TreeVerifier.verify(source, restored);

    Files.writeString(source.resolve("notes.txt"), "changed\n");
    assertThat(run("mover", "snapshot", "--root", source.toString(), "--repository", repository,
        "--tag", "pvc=shop/data").exitCode()).isZero();
    Run latest = run("mover", "restore", "--snapshot", "latest", "--tag", "pvc=shop/data", "--root",
        restored.toString(), "--repository", repository);
    assertThat(latest.exitCode()).as(latest.err()).isZero();
    assertThat(latest.out()).contains("1 files written");
    TreeVerifier.verify(source, restored);
  }

  @Test
  void badArgumentsAreUsageErrors(@TempDir Path dir) {
    Run noPort = run("mover", "send", "--root", dir.toString(), "--to", "receiver", "--tls-dir", dir.toString());
    assertThat(noPort.exitCode()).isEqualTo(2);
    assertThat(noPort.err()).contains("--to must be HOST:PORT");
    Run relative = run("mover", "snapshot", "--root", dir.toString(), "--repository", "repo");
    assertThat(relative.exitCode()).isEqualTo(2);
    assertThat(relative.err()).contains("--repository must be file:///absolute/path or s3://bucket");
    Run missingTls = run("mover", "send", "--root", dir.toString(), "--to", "127.0.0.1:1", "--tls-dir",
        dir.resolve("none").toString());
    assertThat(missingTls.exitCode()).isEqualTo(1);
    assertThat(missingTls.err()).contains("ca.crt").contains("missing from the TLS directory");
  }

  private static Run transfer(Path source, Path destination, Path tls) throws Exception {
    int port = freePort();
    CompletableFuture<Run> receiver = CompletableFuture.supplyAsync(() -> run("mover", "receive", "--root",
        destination.toString(), "--listen", "127.0.0.1:" + port, "--tls-dir", tls.toString(), "--timeout", "PT60S"));
    Run send = run("mover", "send", "--root", source.toString(), "--to", "127.0.0.1:" + port, "--tls-dir",
        tls.toString(), "--connect-timeout", "PT30S");
    Run received = receiver.get(60, TimeUnit.SECONDS);
    assertThat(received.exitCode()).as(received.err()).isZero();
    assertThat(received.out()).contains("complete");
    return send;
  }

  private static Path tree(Path root) throws IOException {
    Files.createDirectories(root.resolve("sub"));
    Files.writeString(root.resolve("notes.txt"), "hello\n");
    byte[] large = new byte[3 * 1024 * 1024];
    new Random(7).nextBytes(large);
    Files.write(root.resolve("sub/large.bin"), large);
    Path key = Files.writeString(root.resolve("sub/key"), "secret");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    Files.createSymbolicLink(root.resolve("link"), Path.of("sub/large.bin"));
    return root;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  record Run(int exitCode, String out, String err) {
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
