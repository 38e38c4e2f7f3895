package dev.ferry.cli.mover;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What both sides of a direct transfer ({@code send}, {@code receive}) are given: the volume and the TLS files. */
abstract class DirectMoverTask extends MoverTask {
  @Option(names = "--root", required = true, paramLabel = "DIR", description = "The volume's directory.")
  Path root;

  @Option(names = "--tls-dir", required = true, paramLabel = "DIR",
      description = "The transfer's TLS files: ca.crt and this side's certificate and key (sender.crt and sender.key, "
          + "or receiver.crt and receiver.key).")
  Path tlsDir;
}
