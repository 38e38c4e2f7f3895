package dev.ferry.volumes.direct;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sender in a JVM of its own, so a test can kill it with SIGKILL mid-file the way a mover pod
 * dies: {@code host port credentialsDir sourceRoot} (credentialsDir holds ca.pem, cert.pem, key.pem).
 */
public final class SenderProcessMain {
  private SenderProcessMain() {
  }

  public static void main(String[] args) throws Exception {
    Path creds = Path.of(args[2]);
    TlsCredentials c = new TlsCredentials(Files.readString(creds.resolve("ca.pem")),
        Files.readString(creds.resolve("cert.pem")), Files.readString(creds.resolve("key.pem")));
    Sender.send(args[0], Integer.parseInt(args[1]), c, Path.of(args[3]),
        DirectOptions.defaults().withConnections(2).withSegmentSize(8 << 20), null);
  }
}
