package dev.ferry.volumes.direct;

import java.io.IOException;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;

/**
 * The sender's connections to one receiver: opening them (mutual TLS, HELLO with the session id),
 * turning TLS refusals into a clear error, and the first failure of the send, which cuts every
 * connection so all workers stop at once.
 */
final class SenderLinks {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String host;
  private final int port;
  private final TlsCredentials credentials;
  private final DirectOptions options;
  private final SenderStats stats;
  private final long sessionId = RANDOM.nextLong();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  /** The first failure; an error reported by the receiver wins over the broken pipe it causes. */
  private final AtomicReference<IOException> failure = new AtomicReference<>();

  SenderLinks(String host, int port, TlsCredentials credentials, DirectOptions options, SenderStats stats) {
    this.host = host;
    this.port = port;
    this.credentials = credentials;
    this.options = options;
    this.stats = stats;
  }

  String receiver() {
    return host + ":" + port;
  }

  /** Opens a connection and exchanges HELLO; TLS refusals become a clear error. */
  SenderConnection open(byte role) throws IOException {
    Socket s = Connections.connect(host, port, credentials, options);
    sockets.add(s);
    SenderConnection c = new SenderConnection(s, stats);
    try {
      c.out.writeByte(Protocol.HELLO);
      c.out.writeLong(Protocol.MAGIC);
      c.out.writeInt(Protocol.VERSION);
      c.out.writeByte(role);
      c.out.writeLong(sessionId);
      c.out.writeInt(options.connections());
      c.out.flush();
      if (role == Protocol.ROLE_CONTROL) {
        Protocol.expect(c.in, Protocol.HELLO_OK, "waiting for the receiver's hello");
        c.in.readInt();
      }
    } catch (SSLException e) {
      c.close();
      throw tlsRefused(e);
    } catch (java.io.EOFException | java.net.SocketException e) {
      c.close();
      if (options.plaintext()) {
        throw e;
      }
      throw new DirectTransferException("the receiver at " + receiver() + " closed the connection during the"
          + " TLS handshake (" + e + "): it most likely refused this sender's certificate; sender and receiver must"
          + " use certificates minted for the same migration", e);
    }
    return c;
  }

  DirectTransferException tlsRefused(SSLException e) {
    return new DirectTransferException("TLS handshake with the receiver at " + receiver() + " failed ("
        + e.getMessage() + "): sender and receiver must use certificates minted for the same migration"
        + " (MigrationCertificates.mint); a certificate of another migration is refused", e);
  }

  /** Records a failure and cuts every connection; a clear error (the receiver's own) replaces a bare socket error. */
  void fail(IOException e) {
    failure.accumulateAndGet(e, (old, neu) -> old == null
        || !(old instanceof DirectTransferException) && neu instanceof DirectTransferException ? neu : old);
    closeAll();
  }

  /** The first failure recorded, or null. */
  IOException failure() {
    return failure.get();
  }

  void closeAll() {
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException ignored) {
        // cutting the transfer anyway
      }
    }
  }
}
