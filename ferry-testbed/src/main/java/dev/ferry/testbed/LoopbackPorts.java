package dev.ferry.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Hands out free TCP ports on 127.0.0.1, never the same one twice in this JVM. */
public final class LoopbackPorts {
  private static final Set<Integer> GIVEN = new HashSet<>();

  private LoopbackPorts() {
  }

  public static synchronized int next() {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
        int port = socket.getLocalPort();
        if (GIVEN.add(port)) {
          return port;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open a loopback socket", e);
      }
    }
    throw new TestbedException("no free loopback port found after 50 attempts");
  }
}
