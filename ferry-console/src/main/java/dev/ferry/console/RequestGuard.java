package dev.ferry.console;

import java.net.URI;
import java.util.Set;

/**
 * Who may talk to the console: requests must name the console itself as Host (so a page on another
 * site cannot reach it through DNS rebinding), and writes must carry the {@value #HEADER} header
 * (which a cross-site form or image cannot set without a CORS preflight the console never grants)
 * and, when the browser sends one, an Origin equal to the console's own. Pure logic.
 */
final class RequestGuard {
  /** The header every write must carry; the console's own script sets it. */
  static final String HEADER = "X-Ferry-Console";

  private final Set<String> hosts;

  /** {@code hosts}: the host[:port] values the console answers to, e.g. 127.0.0.1:9090 and localhost:9090. */
  RequestGuard(Set<String> hosts) {
    this.hosts = Set.copyOf(hosts);
  }

  static RequestGuard forLoopback(String bindAddress, int port) {
    return new RequestGuard(new java.util.HashSet<>(java.util.List.of(bindAddress + ":" + port, "localhost:" + port,
        "127.0.0.1:" + port, "[::1]:" + port)));
  }

  /** Null when the request may go on, else why not. */
  String refusal(String method, String host, String origin, String customHeader) {
    if (host == null || !hosts.contains(host.toLowerCase(java.util.Locale.ROOT))) {
      return "unexpected Host header " + host + ": open the console at the address 'ferry console' printed";
    }
    boolean write = !("GET".equals(method) || "HEAD".equals(method));
    if (!write) {
      return null;
    }
    if (!"1".equals(customHeader)) {
      return "writes need the " + HEADER + ": 1 header (the console's own page sends it)";
    }
    if (origin != null && !origin.equals("null")) {
      String originHost;
      try {
        URI uri = URI.create(origin);
        originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      } catch (IllegalArgumentException e) {
        return "malformed Origin header " + origin;
      }
      if (originHost == null || !hosts.contains(originHost.toLowerCase(java.util.Locale.ROOT))) {
        return "cross-origin write from " + origin + " refused";
      }
    } else if (origin != null) {
      return "cross-origin write from an opaque origin refused";
    }
    return null;
  }
}
