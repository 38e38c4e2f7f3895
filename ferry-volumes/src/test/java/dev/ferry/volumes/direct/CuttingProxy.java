package dev.ferry.volumes.direct;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real TCP forwarder on loopback that cuts every connection once {@code cutAfter} bytes have
 * gone from client to server: a network failure in the middle of a transfer.
 */
final class CuttingProxy implements Closeable {
  private final ServerSocket server;
  private final int upstreamPort;
  private final long cutAfter;
  private final AtomicLong forwarded = new AtomicLong();
  private final AtomicBoolean cut = new AtomicBoolean();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  CuttingProxy(int upstreamPort, long cutAfter) throws IOException {
    this.upstreamPort = upstreamPort;
    this.cutAfter = cutAfter;
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread t = new Thread(this::accept, "cutting-proxy");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  boolean wasCut() {
    return cut.get();
  }

  long forwarded() {
    return forwarded.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        sockets.add(client);
        sockets.add(upstream);
        if (cut.get()) {
          cutAll();
        }
        pump(client.getInputStream(), upstream.getOutputStream(), true);
        pump(upstream.getInputStream(), client.getOutputStream(), false);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(InputStream in, OutputStream out, boolean countIt) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[16 << 10];
      try {
        int n;
        while ((n = in.read(buf)) >= 0) {
          if (countIt) {
            long total = forwarded.addAndGet(n);
            if (total > cutAfter) {
              cut.set(true);
              cutAll();
              return;
            }
          }
          out.write(buf, 0, n);
        }
        out.close();
      } catch (IOException e) {
        // a cut or a normal close
      }
    }, "cutting-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private void cutAll() {
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException ignored) {
        // cutting
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    cutAll();
  }
}
