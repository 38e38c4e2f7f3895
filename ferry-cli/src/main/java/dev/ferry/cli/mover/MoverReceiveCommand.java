package dev.ferry.cli.mover;

import dev.ferry.volumes.mover.MoverTlsFiles;
import dev.ferry.volumes.direct.DirectOptions;
import dev.ferry.volumes.direct.Receiver;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The destination side of a direct transfer: listens, receives one transfer into the volume, exits. */
@Command(name = "receive", description = "Receive a volume's data from `ferry mover send` over mutual TLS.")
class MoverReceiveCommand extends DirectMoverTask {
  @Option(names = "--listen", required = true, paramLabel = "ADDR:PORT", description = "Where to listen, e.g. 0.0.0.0:7443.")
  String listen;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT24H",
      description = "Give up if no transfer completes in this time (ISO-8601, default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  void run(PrintWriter out) throws IOException, InterruptedException {
    InetSocketAddress address = Endpoints.parse(spec, "--listen", listen);
    try (Receiver receiver = Receiver.start(new InetSocketAddress(address.getHostString(), address.getPort()), root,
        MoverTlsFiles.receiver(tlsDir), DirectOptions.defaults())) {
      out.println("receiving into " + root + " on " + address.getHostString() + ":" + receiver.port());
      out.flush();
      Instant deadline = Instant.now().plus(timeout);
      while (!receiver.awaitCompletion(Duration.ofSeconds(1))) {
        if (Instant.now().isAfter(deadline)) {
          throw new IOException("no transfer completed within " + timeout + (receiver.lastError() == null ? ""
              : "; the last one failed: " + receiver.lastError()) + "; check that the sender can reach this pod");
        }
      }
      out.println("received: transfer into " + root + " complete");
    }
  }
}
