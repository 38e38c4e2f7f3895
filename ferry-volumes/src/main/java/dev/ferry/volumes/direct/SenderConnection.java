package dev.ferry.volumes.direct;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/** One connection of the sender, its streams counting the bytes on the wire into the send's stats. */
final class SenderConnection implements AutoCloseable {
  final Socket socket;
  final DataInputStream in;
  final DataOutputStream out;

  SenderConnection(Socket socket, SenderStats stats) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(new BufferedInputStream(new Counting(socket.getInputStream(),
        stats.bytesReceived), 1 << 16));
    this.out = new DataOutputStream(new BufferedOutputStream(new CountingOut(socket.getOutputStream(),
        stats.bytesSent), 1 << 16));
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private static final class Counting extends FilterInputStream {
    private final AtomicLong count;

    Counting(InputStream in, AtomicLong count) {
      super(in);
      this.count = count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        count.addAndGet(n);
      }
      return n;
    }
  }

  private static final class CountingOut extends FilterOutputStream {
    private final AtomicLong count;

    CountingOut(OutputStream out, AtomicLong count) {
      super(out);
      this.count = count;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count.incrementAndGet();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count.addAndGet(len);
    }
  }
}
