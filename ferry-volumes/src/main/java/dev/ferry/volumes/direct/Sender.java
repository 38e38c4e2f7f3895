package dev.ferry.volumes.direct;

import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.TransferProgress;
import dev.ferry.volumes.chunk.Chunk;
import dev.ferry.volumes.chunk.ChunkId;
import dev.ferry.volumes.chunk.ContentDefinedChunker;
import dev.ferry.volumes.fs.FileEntry;
import dev.ferry.volumes.fs.SparseWriter;
import dev.ferry.volumes.fs.TreeScanner;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source side of a direct transfer. One run: scan the source, learn what the receiver has,
 * plan ({@link TransferPlan}), stream the tasks over N parallel data connections (pipelined: no
 * per-file acknowledgement), then ask the receiver to finish (links, metadata, deletions done).
 */
public final class Sender {
  private static final Logger LOG = LoggerFactory.getLogger(Sender.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String host;
  private final int port;
  private final TlsCredentials credentials;
  private final Path root;
  private final DirectOptions options;
  private final ProgressListener listener;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicLong bytesSent = new AtomicLong();
  private final AtomicLong bytesReceived = new AtomicLong();
  private final AtomicLong bytesDone = new AtomicLong();
  private final AtomicLong bytesUnchanged = new AtomicLong();
  private final AtomicLong filesDone = new AtomicLong();
  private final AtomicLong filesSent = new AtomicLong();
  /** The first failure; an error reported by the receiver wins over the broken pipe it causes. */
  private final AtomicReference<IOException> failure = new AtomicReference<>();
  private final long sessionId = RANDOM.nextLong();
  private long started;
  private List<FileEntry> source;
  private TransferPlan plan;
  private Map<Integer, AtomicLong> fileRemaining;

  private Sender(String host, int port, TlsCredentials credentials, Path root, DirectOptions options,
      ProgressListener listener) {
    this.host = host;
    this.port = port;
    this.credentials = credentials;
    this.root = root;
    this.options = options;
    this.listener = listener == null ? ProgressListener.NONE : listener;
  }

  /**
   * Sends {@code sourceRoot} to the receiver at host:port. Fails with a {@link DirectTransferException}
   * naming the cause; running it again resumes (unchanged and already-received data is not resent).
   */
  public static TransferResult send(String host, int port, TlsCredentials credentials, Path sourceRoot,
      DirectOptions options, ProgressListener listener) throws IOException {
    return new Sender(host, port, credentials, sourceRoot, options, listener).run();
  }

  private TransferResult run() throws IOException {
    started = System.nanoTime();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "ferry-sender-progress");
      t.setDaemon(true);
      return t;
    });
    try (Conn control = open(Protocol.ROLE_CONTROL)) {
      // The receiver scans its side as soon as it has said hello: both scans run at the same time.
      source = TreeScanner.scan(root);
      long scanned = System.nanoTime();
      Protocol.expect(control.in, Protocol.SCAN, "waiting for the receiver's scan");
      List<FileEntry> destination = Protocol.readEntries(control.in);
      Map<String, PartialArea.Partial> partials = readPartials(control.in);
      plan = TransferPlan.of(source, destination, partials, options);
      fileRemaining = new HashMap<>();
      plan.bytesToSend.forEach((i, n) -> fileRemaining.put(i, new AtomicLong(n)));
      bytesDone.set(plan.bytesUnchanged);
      bytesUnchanged.set(plan.bytesUnchanged);
      filesDone.set(plan.filesUnchanged);
      long interval = Math.max(10, options.progressInterval().toMillis());
      ticker.scheduleAtFixedRate(this::report, interval, interval, TimeUnit.MILLISECONDS);

      control.out.writeByte(Protocol.MANIFEST);
      Protocol.writeEntries(control.out, source);
      control.out.flush();
      Protocol.expect(control.in, Protocol.PREPARED, "waiting for the receiver to prepare");
      long prepared = System.nanoTime();

      sendData();
      long sentAll = System.nanoTime();

      control.out.writeByte(Protocol.FINISH);
      control.out.flush();
      Protocol.expect(control.in, Protocol.DONE, "waiting for the receiver to finish");
      long deleted = control.in.readLong();
      report();
      LOG.info("transfer done: {} of {} files sent, {} content bytes of which {} unchanged, {} bytes on the wire,"
          + " in {} ms (connect and scan {} ms, receiver scan and prepare {} ms, data {} ms, links and metadata {} ms)",
          filesSent.get(), plan.filesTotal, plan.bytesTotal, bytesUnchanged.get(), bytesSent.get(), ms(System.nanoTime() - started),
          ms(scanned - started), ms(prepared - scanned), ms(sentAll - prepared), ms(System.nanoTime() - sentAll));
      return new TransferResult(plan.filesTotal, filesSent.get(), plan.bytesTotal, bytesSent.get(),
          bytesReceived.get(), bytesUnchanged.get(), deleted, elapsed());
    } catch (SSLException e) {
      throw tlsRefused(e);
    } catch (IOException e) {
      IOException first = failure.get();
      IOException cause = first != null ? first : e;
      if (cause instanceof DirectTransferException) {
        throw cause;
      }
      throw new DirectTransferException("transfer to the receiver at " + host + ":" + port + " broke off (" + cause
          + "); run it again to resume: what the receiver already has is not sent again", cause);
    } finally {
      ticker.shutdownNow();
      closeAll();
    }
  }

  private void sendData() throws IOException {
    ConcurrentLinkedQueue<TransferPlan.Task> queue = new ConcurrentLinkedQueue<>(plan.tasks);
    int workers = Math.min(options.connections(), Math.max(1, plan.tasks.size()));
    if (plan.tasks.isEmpty()) {
      return;
    }
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      Thread t = new Thread(() -> {
        try {
          work(queue);
        } catch (IOException e) {
          fail(e);
        } catch (RuntimeException e) {
          fail(new IOException("sender failed: " + e, e));
        }
      }, "ferry-sender-" + w);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        closeAll();
        throw new DirectTransferException("interrupted while sending");
      }
    }
    IOException e = failure.get();
    if (e != null) {
      throw e;
    }
  }

  private void work(ConcurrentLinkedQueue<TransferPlan.Task> queue) throws IOException {
    Conn c = open(Protocol.ROLE_DATA);
    Replies replies = new Replies(c);
    replies.start();
    try (c) {
      byte[] buf = new byte[Protocol.FRAME];
      TransferPlan.Task task;
      while ((task = queue.poll()) != null && failure.get() == null) {
        if (task instanceof TransferPlan.Range r) {
          sendRange(c, r, buf);
        } else if (task instanceof TransferPlan.Delta d) {
          sendDelta(c, replies, d.index(), buf);
        }
      }
      c.out.writeByte(Protocol.END);
      c.out.flush();
      replies.awaitOk();
    } catch (IOException e) {
      fail(e);
      joinQuietly(replies); // it may still be reading the receiver's ERROR, which explains this failure
      throw failure.get();
    }
  }

  private static void joinQuietly(Thread t) {
    try {
      t.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sendRange(Conn c, TransferPlan.Range r, byte[] buf) throws IOException {
    FileEntry e = source.get(r.index());
    if (r.length() == 0) {
      frame(c, Protocol.DATA, r.index(), 0, buf, 0);
      sent(r.index(), 0);
      return;
    }
    try (FileChannel ch = FileChannel.open(root.resolve(e.path()), StandardOpenOption.READ)) {
      long end = r.offset() + r.length();
      for (long pos = r.offset(); pos < end; ) {
        int n = (int) Math.min(buf.length, end - pos);
        readFully(ch, buf, n, pos, e);
        ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
        frame(c, SparseWriter.isZero(bb, 0, n) ? Protocol.HOLE : Protocol.DATA, r.index(), pos, buf, n);
        pos += n;
        sent(r.index(), n);
      }
    }
  }

  private void frame(Conn c, byte type, int index, long offset, byte[] buf, int n) throws IOException {
    c.out.writeByte(type);
    c.out.writeInt(index);
    c.out.writeLong(offset);
    c.out.writeInt(n);
    if (type == Protocol.DATA) {
      c.out.write(buf, 0, n);
    }
  }

  /**
   * Delta by content-defined chunks rather than rsync's rolling checksum: both sides chunk their
   * copy independently and in parallel (no per-byte rolling lookups against the receiver's
   * block list), insertions only disturb the chunks around them, and the chunker is the one the
   * repository already uses. The cost: a change is sent rounded up to whole chunks (4–64 KiB,
   * ~16 KiB average), so scattered single-byte edits are expensive; edits in runs are cheap.
   */
  private void sendDelta(Conn c, Replies replies, int index, byte[] buf) throws IOException {
    FileEntry e = source.get(index);
    c.out.writeByte(Protocol.DELTA_BEGIN);
    c.out.writeInt(index);
    c.out.flush();
    Path file = root.resolve(e.path());
    List<Chunk> ours = ContentDefinedChunker.forDelta().chunks(file); // while the receiver chunks its copy
    long total = ours.isEmpty() ? 0 : ours.get(ours.size() - 1).end();
    if (total != e.size()) {
      throw new DirectTransferException(e.path() + " changed on the source during the transfer (" + e.size() + " → "
          + total + " bytes); stop writers to the volume (or rerun the stage)");
    }
    Map<ChunkId, Long> theirs = replies.awaitChunks();
    long copyFrom = -1;
    long copyLen = 0;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      for (Chunk k : ours) {
        Long at = theirs.get(k.id());
        if (at != null) {
          if (copyLen > 0 && copyFrom + copyLen == at) {
            copyLen += k.length();
          } else {
            flushCopy(c, copyFrom, copyLen);
            copyFrom = at;
            copyLen = k.length();
          }
          bytesUnchanged.addAndGet(k.length());
          sent(index, k.length());
          continue;
        }
        flushCopy(c, copyFrom, copyLen);
        copyLen = 0;
        for (long pos = k.offset(); pos < k.end(); ) {
          int n = (int) Math.min(buf.length, k.end() - pos);
          readFully(ch, buf, n, pos, e);
          c.out.writeByte(Protocol.DELTA_DATA);
          c.out.writeInt(n);
          c.out.write(buf, 0, n);
          pos += n;
        }
        sent(index, k.length());
      }
    }
    flushCopy(c, copyFrom, copyLen);
    c.out.writeByte(Protocol.DELTA_END);
    if (e.size() == 0) {
      sent(index, 0);
    }
  }

  private static void flushCopy(Conn c, long from, long len) throws IOException {
    if (len > 0) {
      c.out.writeByte(Protocol.DELTA_COPY);
      c.out.writeLong(from);
      c.out.writeLong(len);
    }
  }

  private static void readFully(FileChannel ch, byte[] buf, int n, long pos, FileEntry e) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
    while (b.hasRemaining()) {
      if (ch.read(b, pos + b.position()) < 0) {
        throw new DirectTransferException(e.path() + " shrank on the source during the transfer (expected "
            + e.size() + " bytes); stop writers to the volume (or rerun the stage)");
      }
    }
  }

  /** Accounts {@code n} content bytes of file {@code index} as sent or matched. */
  private void sent(int index, long n) {
    bytesDone.addAndGet(n);
    AtomicLong left = fileRemaining.get(index);
    if (left != null && left.addAndGet(-n) == 0) {
      fileRemaining.remove(index);
      filesDone.incrementAndGet();
      filesSent.incrementAndGet();
    }
  }

  private Map<String, PartialArea.Partial> readPartials(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<String, PartialArea.Partial> out = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String path = in.readUTF();
      long size = in.readLong();
      FileTime mtime = FileTime.from(Instant.ofEpochSecond(in.readLong(), in.readInt()));
      RangeSet done = new RangeSet();
      int ranges = in.readInt();
      for (int r = 0; r < ranges; r++) {
        done.add(in.readLong(), in.readLong());
      }
      out.put(path, new PartialArea.Partial(path, size, mtime, done));
    }
    return out;
  }

  private void report() {
    try {
      listener.onProgress(new TransferProgress(bytesDone.get(), plan.bytesTotal, filesDone.get(), plan.filesTotal,
          bytesSent.get(), elapsed()));
    } catch (RuntimeException e) {
      // a faulty listener must not break the transfer
    }
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** Records a failure and cuts every connection; a clear error (the receiver's own) replaces a bare socket error. */
  private void fail(IOException e) {
    failure.accumulateAndGet(e, (old, neu) -> old == null
        || !(old instanceof DirectTransferException) && neu instanceof DirectTransferException ? neu : old);
    closeAll();
  }

  private void closeAll() {
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException ignored) {
        // cutting the transfer anyway
      }
    }
  }

  private DirectTransferException tlsRefused(SSLException e) {
    return new DirectTransferException("TLS handshake with the receiver at " + host + ":" + port + " failed ("
        + e.getMessage() + "): sender and receiver must use certificates minted for the same migration"
        + " (MigrationCertificates.mint); a certificate of another migration is refused", e);
  }

  /** Opens a connection and exchanges HELLO; TLS refusals become a clear error. */
  private Conn open(byte role) throws IOException {
    Socket s = Connections.connect(host, port, credentials, options);
    sockets.add(s);
    Conn c = new Conn(s);
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
      throw new DirectTransferException("the receiver at " + host + ":" + port + " closed the connection during the"
          + " TLS handshake (" + e + "): it most likely refused this sender's certificate; sender and receiver must"
          + " use certificates minted for the same migration", e);
    }
    return c;
  }

  /** One connection with counted streams. */
  private final class Conn implements AutoCloseable {
    final Socket socket;
    final DataInputStream in;
    final DataOutputStream out;

    Conn(Socket socket) throws IOException {
      this.socket = socket;
      this.in = new DataInputStream(new BufferedInputStream(new Counting(socket.getInputStream()), 1 << 16));
      this.out = new DataOutputStream(new BufferedOutputStream(new CountingOut(socket.getOutputStream()), 1 << 16));
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /** Reads a data connection's replies (chunk lists, OK, ERROR) so a receiver error stops the sender at once. */
  private final class Replies extends Thread {
    private final Conn c;
    private final java.util.concurrent.BlockingQueue<Object> queue = new java.util.concurrent.LinkedBlockingQueue<>();

    Replies(Conn c) {
      super("ferry-sender-replies");
      setDaemon(true);
      this.c = c;
    }

    @Override
    public void run() {
      try {
        Protocol.expect(c.in, Protocol.HELLO_OK, "waiting for the receiver's hello");
        c.in.readInt();
        while (true) {
          int type = c.in.readUnsignedByte();
          if (type == Protocol.CHUNKS) {
            int n = c.in.readInt();
            Map<ChunkId, Long> at = new HashMap<>(n * 2);
            long offset = 0;
            byte[] id = new byte[ChunkId.LENGTH];
            for (int i = 0; i < n; i++) {
              int len = c.in.readInt();
              c.in.readFully(id);
              at.putIfAbsent(ChunkId.of(id), offset);
              offset += len;
            }
            queue.put(at);
          } else if (type == Protocol.OK) {
            queue.put(Boolean.TRUE);
            return;
          } else if (type == Protocol.ERROR) {
            throw new DirectTransferException(c.in.readUTF());
          } else {
            throw new IOException("protocol error: unexpected reply " + type);
          }
        }
      } catch (SSLException e) {
        fail(tlsRefused(e));
        queue.add(e);
      } catch (IOException e) {
        fail(e);
        queue.add(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @SuppressWarnings("unchecked")
    Map<ChunkId, Long> awaitChunks() throws IOException {
      Object o = take();
      if (o instanceof Map<?, ?> m) {
        return (Map<ChunkId, Long>) m;
      }
      throw new IOException("protocol error: expected a chunk list");
    }

    void awaitOk() throws IOException {
      if (take() != Boolean.TRUE) {
        throw new IOException("protocol error: expected OK");
      }
    }

    private Object take() throws IOException {
      try {
        Object o = queue.take();
        if (o instanceof IOException e) {
          IOException first = failure.get();
          throw first != null ? first : e;
        }
        return o;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DirectTransferException("interrupted while waiting for the receiver");
      }
    }
  }

  private final class Counting extends FilterInputStream {
    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        bytesReceived.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        bytesReceived.addAndGet(n);
      }
      return n;
    }
  }

  private final class CountingOut extends FilterOutputStream {
    CountingOut(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      bytesSent.incrementAndGet();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      bytesSent.addAndGet(len);
    }
  }
}
