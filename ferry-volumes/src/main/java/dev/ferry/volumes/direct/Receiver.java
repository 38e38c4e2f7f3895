package dev.ferry.volumes.direct;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The destination side of a direct transfer: listens (127.0.0.1 and an ephemeral port by
 * default), accepts a sender's control connection and its parallel data connections, and writes
 * into the destination root. A failed session (cut connection, sender restarted) is replaced by
 * the next one, which resumes from the partial area; {@link #awaitCompletion} returns once a
 * session has completed.
 */
public final class Receiver implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Receiver.class);

  private final Path root;
  private final ServerSocket server;
  private final Thread acceptor;
  private final CountDownLatch completed = new CountDownLatch(1);
  private volatile ReceiverSession session;
  private volatile boolean closed;
  private volatile String lastError;

  private Receiver(Path root, ServerSocket server) {
    this.root = root;
    this.server = server;
    this.acceptor = new Thread(this::acceptLoop, "ferry-receiver-accept-" + server.getLocalPort());
    this.acceptor.setDaemon(true);
  }

  /** Listens on 127.0.0.1, ephemeral port. */
  public static Receiver start(Path destination, TlsCredentials credentials, DirectOptions options) throws IOException {
    return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), destination, credentials, options);
  }

  public static Receiver start(InetSocketAddress bind, Path destination, TlsCredentials credentials,
      DirectOptions options) throws IOException {
    Files.createDirectories(destination);
    if (!Files.isDirectory(destination)) {
      throw new DirectTransferException("destination " + destination + " is not a directory");
    }
    Receiver r = new Receiver(destination.toRealPath(), Connections.listen(bind, credentials, options));
    r.acceptor.start();
    LOG.info("receiver for {} listening on {} ({})", destination, r.server.getLocalSocketAddress(),
        options.plaintext() ? "PLAINTEXT, test only" : "mutual TLS");
    return r;
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Waits until a transfer session has completed; false on timeout. */
  public boolean awaitCompletion(Duration timeout) throws InterruptedException {
    return completed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean isCompleted() {
    return completed.getCount() == 0;
  }

  /** The last error a session ended with (for the mover's log), or null. */
  public String lastError() {
    return lastError;
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("receiver stopped accepting: {}", e.toString());
        }
        return;
      }
      Thread t = new Thread(() -> serve(s), "ferry-receiver-conn");
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket socket) {
    String peer = String.valueOf(socket.getRemoteSocketAddress());
    try (socket) {
      socket.setTcpNoDelay(true);
      DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 18));
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
      int type;
      try {
        type = in.readUnsignedByte();
      } catch (SSLException e) {
        LOG.warn("refused connection from {}: TLS handshake failed ({}); the sender must use a certificate minted"
            + " for this migration", peer, e.getMessage());
        return;
      }
      if (type != Protocol.HELLO || in.readLong() != Protocol.MAGIC) {
        LOG.warn("refused connection from {}: not a Ferry direct-transfer sender", peer);
        return;
      }
      int version = in.readInt();
      byte role = in.readByte();
      long sessionId = in.readLong();
      in.readInt(); // connections the sender will open (informational)
      if (version != Protocol.VERSION) {
        Protocol.writeError(out, "the sender speaks direct-transfer protocol v" + version + ", this receiver v"
            + Protocol.VERSION + "; run the same Ferry version on both sides");
        return;
      }
      if (role == Protocol.ROLE_CONTROL) {
        ReceiverSession s = newSession(sessionId);
        s.register(socket);
        try {
          s.runControl(in, out);
          completed.countDown();
        } finally {
          s.abort();
          lastError = s.error();
        }
      } else if (role == Protocol.ROLE_DATA) {
        ReceiverSession s = session;
        if (s == null || s.id() != sessionId) {
          Protocol.writeError(out, "no transfer session " + Long.toHexString(sessionId) + " on this receiver;"
              + " the control connection must come first");
          return;
        }
        s.register(socket);
        s.runData(socket, in, out);
      } else {
        Protocol.writeError(out, "unknown connection role " + role);
      }
    } catch (EOFException | SocketException e) {
      LOG.debug("connection from {} ended: {}", peer, e.toString());
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        LOG.warn("connection from {} failed: {}", peer, e.toString());
      }
    }
  }

  /** One session at a time: a new control connection replaces (aborts) the previous session. */
  private synchronized ReceiverSession newSession(long id) throws IOException {
    ReceiverSession old = session;
    if (old != null) {
      old.abortAndWait(Duration.ofSeconds(30));
    }
    ReceiverSession s = new ReceiverSession(id, root);
    session = s;
    return s;
  }

  /** Stops listening and cuts any session in progress (its partial data stays for the next receiver). */
  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    ReceiverSession s = session;
    if (s != null) {
      s.abortAndWait(Duration.ofSeconds(30));
    }
  }
}
