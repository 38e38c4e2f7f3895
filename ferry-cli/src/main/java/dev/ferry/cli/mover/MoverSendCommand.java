package dev.ferry.cli.mover;

import dev.ferry.volumes.mover.MoverTlsFiles;
import dev.ferry.volumes.mover.TransferSummary;
import dev.ferry.controller.volumes.LibraryVolumeMover;
import dev.ferry.volumes.direct.DirectOptions;
import dev.ferry.volumes.direct.Sender;
import dev.ferry.volumes.direct.TransferResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The source side of a direct transfer: sends what the receiver lacks, then exits. */
@Command(name = "send", description = "Send a volume's data to `ferry mover receive` over mutual TLS (only what "
    + "differs).")
class MoverSendCommand extends DirectMoverTask {
  @Option(names = "--to", required = true, paramLabel = "HOST:PORT", description = "The receiver's address.")
  String to;

  @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "PT5M",
      description = "Keep trying to reach a receiver that is not listening yet for this long (default ${DEFAULT-VALUE}).")
  Duration connectTimeout;

  @Override
  void run(PrintWriter out) throws IOException, InterruptedException {
    InetSocketAddress address = Endpoints.parse(spec, "--to", to);
    var credentials = MoverTlsFiles.sender(tlsDir);
    Instant deadline = Instant.now().plus(connectTimeout);
    while (true) {
      try {
        ProgressPrinter printer = new ProgressPrinter(out, "sending");
        TransferResult result = Sender.send(address.getHostString(), address.getPort(), credentials, root,
            DirectOptions.defaults(), printer);
        printer.finish(LibraryVolumeMover.progress(result));
        out.println("sent: " + TransferSummary.of(LibraryVolumeMover.progress(result), false));
        return;
      } catch (IOException e) {
        // The receiver's pod may start after this one: wait for it, but only for a refused connection.
        if (!refused(e) || Instant.now().isAfter(deadline)) {
          throw e;
        }
        out.println("receiver " + to + " not listening yet; retrying");
        out.flush();
        Thread.sleep(Duration.ofSeconds(2).toMillis());
      }
    }
  }

  private static boolean refused(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return true;
      }
    }
    return false;
  }
}
