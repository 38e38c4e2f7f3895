package dev.ferry.cli;

import java.net.InetSocketAddress;

/** Parses the controller's {@code --metrics-bind-address [HOST]:PORT} (and {@code --metrics-port}). */
public final class MetricsAddress {

  private MetricsAddress() {
  }

  /**
   * The address to listen on, or null when the port is 0 (metrics off). An empty host means
   * every interface; {@code portOverride}, when given, replaces the address's port.
   */
  static InetSocketAddress parse(String bindAddress, Integer portOverride) {
    String text = bindAddress == null ? ":8080" : bindAddress.trim();
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new UserError("--metrics-bind-address '" + bindAddress + "' has no port; write [HOST]:PORT, "
          + "e.g. :8080 or 127.0.0.1:8095 (port 0 turns metrics off)");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1); // [::1]:8080
    }
    int port;
    try {
      port = portOverride != null ? portOverride : Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new UserError("--metrics-bind-address '" + bindAddress + "' has no numeric port; write [HOST]:PORT");
    }
    if (port < 0 || port > 65535) {
      throw new UserError("metrics port " + port + " is out of range 0-65535 (0 turns metrics off)");
    }
    if (port == 0) {
      return null;
    }
    return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }
}
