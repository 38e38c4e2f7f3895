package dev.ferry.controller.volumes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay between a volume sender and its receiver (TLS passes through untouched)
 * that forwards the sender's bytes only up to a gate the test moves: the copy stops at a known
 * point and goes on when the test says so, so a test can look at a transfer in the middle
 * without relying on how fast the machine is. The receiver's replies always pass.
 */
final class GatedRelay implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();
  private long forwarded;
  private long gate;

  GatedRelay(int targetPort, long gate) throws IOException {
    this.targetPort = targetPort;
    this.gate = gate;
    server = new ServerSocket();
    // A small window, so the sender cannot get far ahead of the gate in socket buffers.
    server.setReceiveBufferSize(64 * 1024);
    server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread acceptor = new Thread(this::accept, "gated-relay-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Lets the sender's bytes through up to {@code bytes} in all (control and data connections together). */
  void openTo(long bytes) {
    synchronized (lock) {
      gate = bytes;
      lock.notifyAll();
    }
  }

  void openFully() {
    openTo(Long.MAX_VALUE);
  }

  private void accept() {
    try {
      while (!server.isClosed()) {
        Socket client = server.accept();
        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(target);
        pump(client, target, true);
        pump(target, client, false);
      }
    } catch (IOException e) {
      // closed
    }
  }

  private void pump(Socket from, Socket to, boolean gated) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream()) {
        OutputStream out = to.getOutputStream();
        int n;
        while ((n = in.read(buffer)) > 0) {
          for (int off = 0; off < n; ) {
            int k = gated ? permit(n - off) : n - off;
            out.write(buffer, off, k);
            off += k;
          }
          out.flush();
        }
        to.shutdownOutput();
      } catch (IOException | InterruptedException e) {
        close(from);
        close(to);
      }
    }, "gated-relay-pump");
    t.setDaemon(true);
    t.start();
  }

  private int permit(int wanted) throws InterruptedException {
    synchronized (lock) {
      while (forwarded >= gate) {
        lock.wait();
      }
      int k = (int) Math.min(wanted, gate - forwarded);
      forwarded += k;
      return k;
    }
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() throws IOException {
    openFully();
    server.close();
    sockets.forEach(GatedRelay::close);
  }
}
