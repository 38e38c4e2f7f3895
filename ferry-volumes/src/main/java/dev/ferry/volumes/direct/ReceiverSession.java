package dev.ferry.volumes.direct;

import dev.ferry.volumes.fs.FileEntry;
import dev.ferry.volumes.fs.TreeScanner;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One sender run as seen by the receiver: scan, prepare, receive data on N connections, finalize.
 * The destination tree (deletions, links, metadata) is {@link ReceiverTree}'s, deltas are
 * {@link DeltaReceiver}'s, error messages {@link ReceiverErrors}'s.
 */
final class ReceiverSession {
  private final long id;
  private final Path root;
  private final PartialArea area;
  private final String tag;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Map<Integer, IncomingFile> files = new ConcurrentHashMap<>();
  private final Object activity = new Object();
  private int active;
  private volatile boolean aborted;
  private volatile String error;
  private volatile List<FileEntry> manifest;
  private ReceiverTree tree;
  private DeltaReceiver deltas;

  ReceiverSession(long id, Path root) {
    this.id = id;
    this.root = root;
    this.area = new PartialArea(root);
    this.tag = Long.toHexString(id);
  }

  long id() {
    return id;
  }

  String error() {
    return error;
  }

  void register(Socket s) throws IOException {
    sockets.add(s);
    if (aborted) {
      s.close();
    }
  }

  // ---- control connection ----

  void runControl(DataInputStream in, DataOutputStream out) throws IOException {
    enter();
    try {
      out.writeByte(Protocol.HELLO_OK);
      out.writeInt(Protocol.VERSION);
      List<FileEntry> scan = TreeScanner.scan(root, true);
      Map<String, PartialArea.Partial> partials = area.scan();
      out.writeByte(Protocol.SCAN);
      Protocol.writeEntries(out, scan);
      Protocol.writePartials(out, partials.values());
      out.flush();
      tree = new ReceiverTree(root, area, scan);
      deltas = new DeltaReceiver(root, area, tag, tree);

      Protocol.expect(in, Protocol.MANIFEST, "waiting for the source manifest");
      List<FileEntry> source = Protocol.readEntries(in);
      try {
        ManifestValidator.validate(source);
        tree.prepare(source);
      } catch (IOException e) {
        fail(out, ReceiverErrors.describe(root, e, null));
        throw e;
      }
      manifest = source;
      out.writeByte(Protocol.PREPARED);
      out.flush();

      Protocol.expect(in, Protocol.FINISH, "waiting for the end of the data");
      try {
        if (!files.isEmpty()) {
          throw new IOException(files.size() + " file(s) incomplete at the end of the transfer, e.g. "
              + files.values().iterator().next().entry.path());
        }
        tree.finalizeTree(source);
      } catch (IOException e) {
        fail(out, ReceiverErrors.describe(root, e, null));
        throw e;
      }
      out.writeByte(Protocol.DONE);
      out.writeLong(tree.deleted());
      out.flush();
    } finally {
      leave();
    }
  }

  // ---- data connections ----

  void runData(Socket socket, DataInputStream in, DataOutputStream out) throws IOException {
    enter();
    String current = null;
    try {
      out.writeByte(Protocol.HELLO_OK);
      out.writeInt(Protocol.VERSION);
      out.flush();
      List<FileEntry> m = manifest;
      if (m == null) {
        throw new IOException("protocol error: data connection before the manifest was prepared");
      }
      byte[] buf = new byte[Protocol.FRAME];
      while (true) {
        int type = in.readUnsignedByte();
        switch (type) {
          case Protocol.DATA, Protocol.HOLE -> {
            int index = in.readInt();
            long offset = in.readLong();
            int len = in.readInt();
            FileEntry e = contentEntry(m, index);
            current = e.path();
            receiveRange(index, e, offset, len, type == Protocol.DATA, in, buf);
          }
          case Protocol.DELTA_BEGIN -> {
            int index = in.readInt();
            FileEntry e = contentEntry(m, index);
            current = e.path();
            deltas.receive(index, e, in, out, buf);
          }
          case Protocol.END -> {
            out.writeByte(Protocol.OK);
            out.flush();
            return;
          }
          case Protocol.ERROR -> throw new DirectTransferException("sender failed: " + in.readUTF());
          default -> throw new IOException("protocol error: unexpected message " + type + " on a data connection");
        }
      }
    } catch (IOException | UncheckedIOException e) {
      IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      if (!aborted) {
        fail(out, ReceiverErrors.describe(root, io, current));
        ReceiverErrors.drain(socket, in);
        abort();
      }
      throw io;
    } finally {
      leave();
    }
  }

  /** One DATA or HOLE frame: a whole small file at once, or a range of a file shared by all connections. */
  private void receiveRange(int index, FileEntry e, long offset, int len, boolean data, DataInputStream in, byte[] buf)
      throws IOException {
    if (len < 0 || len > Protocol.FRAME || offset < 0 || offset + len > e.size()) {
      throw new IOException("protocol error: bad range " + offset + "+" + len + " for " + e.path());
    }
    if (data) {
      in.readFully(buf, 0, len);
    }
    if (offset == 0 && len == e.size() && len <= Protocol.FRAME) {
      // The common case of many small files: the whole file in one frame, no shared state.
      IncomingFile.writeWhole(area, index, e, tag, root, data ? buf : null);
      tree.written(e.path());
      return;
    }
    IncomingFile f = incoming(index, e);
    if (data) {
      f.write(ByteBuffer.wrap(buf, 0, len), offset);
    } else {
      f.hole(offset, len);
    }
    if (f.arrived(len)) {
      files.remove(index);
      f.complete(root);
      tree.written(e.path());
    }
  }

  /** The file's shared state, opened by the first frame to arrive (on whichever connection), outside the map's lock. */
  private IncomingFile incoming(int index, FileEntry e) throws IOException {
    IncomingFile f = files.get(index);
    if (f != null) {
      return f;
    }
    synchronized (opening(index)) {
      f = files.get(index);
      if (f == null) {
        f = IncomingFile.open(area, index, e, tag);
        files.put(index, f);
      }
      return f;
    }
  }

  private final Object[] openLocks = newLocks(64);

  private Object opening(int index) {
    return openLocks[Math.floorMod(index, openLocks.length)];
  }

  private static Object[] newLocks(int n) {
    Object[] locks = new Object[n];
    for (int i = 0; i < n; i++) {
      locks[i] = new Object();
    }
    return locks;
  }

  private static FileEntry contentEntry(List<FileEntry> m, int index) throws IOException {
    if (index < 0 || index >= m.size() || !m.get(index).hasOwnContent()) {
      throw new IOException("protocol error: file id " + index + " is not a regular file of the manifest");
    }
    return m.get(index);
  }

  // ---- errors and teardown ----

  private void fail(DataOutputStream out, String message) {
    error = message;
    try {
      Protocol.writeError(out, message);
    } catch (IOException ignored) {
      // the peer is gone; the error is still recorded for the receiver's log
    }
  }

  private void enter() {
    synchronized (activity) {
      active++;
    }
  }

  private void leave() {
    synchronized (activity) {
      active--;
      activity.notifyAll();
    }
  }

  void abort() {
    aborted = true;
    closeSockets();
  }

  private void closeSockets() {
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing to cut the session anyway
      }
    }
  }

  /** Cuts the session and waits until its connection threads are gone, then closes its open files. */
  void abortAndWait(Duration timeout) throws IOException {
    abort();
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (activity) {
      while (active > 0 && System.nanoTime() < deadline) {
        try {
          activity.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    for (IncomingFile f : files.values()) {
      f.close();
    }
    files.clear();
  }
}
