package dev.ferry.volumes.direct;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** Opens the transfer's sockets: mutual TLS 1.3 against the migration CA, or plaintext when a test asks for it. */
final class Connections {
  private static final String[] PROTOCOLS = {"TLSv1.3"};
  /** AES-128-GCM first: as safe here as AES-256 and cheaper per byte on the hot path. */
  private static final String[] SUITES = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
      "TLS_CHACHA20_POLY1305_SHA256"};
  private static final int CONNECT_TIMEOUT_MS = 15_000;
  private static final int SOCKET_BUFFER = 4 << 20;

  /** Building a context parses PEM and inits key managers: once per credentials, not per connection. */
  private static final Map<TlsCredentials, SSLContext> CONTEXTS = Collections.synchronizedMap(new WeakHashMap<>());

  private Connections() {
  }

  private static SSLContext context(TlsCredentials credentials) {
    return CONTEXTS.computeIfAbsent(credentials, TlsCredentials::sslContext);
  }

  static ServerSocket listen(InetSocketAddress bind, TlsCredentials credentials, DirectOptions options)
      throws IOException {
    ServerSocket server;
    if (options.plaintext()) {
      server = new ServerSocket();
    } else {
      requireCredentials(credentials);
      SSLServerSocket s = (SSLServerSocket) context(credentials).getServerSocketFactory().createServerSocket();
      s.setEnabledProtocols(PROTOCOLS);
      s.setEnabledCipherSuites(SUITES);
      s.setNeedClientAuth(true); // the sender must prove it belongs to this migration too
      server = s;
    }
    server.setReceiveBufferSize(SOCKET_BUFFER);
    server.bind(bind, 64);
    return server;
  }

  static Socket connect(String host, int port, TlsCredentials credentials, DirectOptions options) throws IOException {
    Socket socket;
    if (options.plaintext()) {
      socket = new Socket();
    } else {
      requireCredentials(credentials);
      SSLContext ctx = context(credentials);
      SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket();
      s.setEnabledProtocols(PROTOCOLS);
      s.setEnabledCipherSuites(SUITES);
      socket = s;
    }
    socket.setSendBufferSize(SOCKET_BUFFER);
    socket.setTcpNoDelay(true);
    try {
      socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
    } catch (IOException e) {
      socket.close();
      throw new DirectTransferException("cannot connect to the receiver at " + host + ":" + port + ": " + e.getMessage()
          + "; check that the receiver is running and reachable", e);
    }
    return socket;
  }

  private static void requireCredentials(TlsCredentials credentials) {
    if (credentials == null) {
      throw new IllegalArgumentException("TLS credentials are required (mint them with MigrationCertificates.mint);"
          + " plaintext is only for tests (DirectOptions.withPlaintextForTesting)");
    }
  }
}
