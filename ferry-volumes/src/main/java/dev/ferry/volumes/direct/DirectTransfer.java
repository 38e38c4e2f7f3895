package dev.ferry.volumes.direct;

import dev.ferry.volumes.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The in-process launcher: when both volumes are visible to this process (single-node clusters,
 * the testbed), runs receiver and sender on loopback with freshly minted certificates, TLS on —
 * exactly the code the mover pods run.
 */
public final class DirectTransfer {
  private DirectTransfer() {
  }

  public static TransferResult copyLocal(Path source, Path destination, DirectOptions options,
      ProgressListener listener) throws IOException {
    MigrationCertificates certs = MigrationCertificates.mint("local-" + Long.toHexString(System.nanoTime()));
    try (Receiver receiver = Receiver.start(destination, certs.receiver(), options)) {
      TransferResult result = Sender.send("127.0.0.1", receiver.port(), certs.sender(), source, options, listener);
      try {
        if (!receiver.awaitCompletion(java.time.Duration.ofSeconds(30))) {
          throw new DirectTransferException("the receiver did not confirm completion of the copy into " + destination);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DirectTransferException("interrupted while waiting for the receiver");
      }
      return result;
    }
  }
}
