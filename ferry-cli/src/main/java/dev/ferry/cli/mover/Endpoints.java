package dev.ferry.cli.mover;

import java.net.InetSocketAddress;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code HOST:PORT} arguments ({@code [::1]:7443} for IPv6). */
final class Endpoints {
  private Endpoints() {
  }

  static InetSocketAddress parse(CommandSpec spec, String option, String text) {
    int colon = text.lastIndexOf(':');
    String host = colon <= 0 ? null : text.substring(0, colon);
    int port = -1;
    if (colon > 0) {
      try {
        port = Integer.parseInt(text.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
    }
    if (host == null || host.isBlank() || port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), option + " must be HOST:PORT (e.g. 0.0.0.0:7443), not '"
          + text + "'");
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return InetSocketAddress.createUnresolved(host, port);
  }
}
