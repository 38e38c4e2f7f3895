package dev.ferry.volumes.direct;

import dev.ferry.volumes.chunk.Chunk;
import dev.ferry.volumes.chunk.ContentDefinedChunker;
import dev.ferry.volumes.fs.FileEntry;
import dev.ferry.volumes.fs.MetadataApplier;
import dev.ferry.volumes.fs.SparseWriter;
import dev.ferry.volumes.fs.TreeScanner;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** One sender run as seen by the receiver: scan, prepare, receive data on N connections, finalize. */
final class ReceiverSession {
  private final long id;
  private final Path root;
  private final PartialArea area;
  private final String tag;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Map<Integer, IncomingFile> files = new ConcurrentHashMap<>();
  private final Set<String> written = ConcurrentHashMap.newKeySet();
  private final Object activity = new Object();
  private int active;
  private volatile boolean aborted;
  private volatile String error;
  private volatile List<FileEntry> manifest;
  private Map<String, FileEntry> destination;
  private long deleted;

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
      out.writeInt(partials.size());
      for (PartialArea.Partial p : partials.values()) {
        out.writeUTF(p.path());
        out.writeLong(p.size());
        out.writeLong(p.mtime().toInstant().getEpochSecond());
        out.writeInt(p.mtime().toInstant().getNano());
        List<long[]> ranges = p.done().ranges();
        out.writeInt(ranges.size());
        for (long[] r : ranges) {
          out.writeLong(r[0]);
          out.writeLong(r[1]);
        }
      }
      out.flush();
      destination = new HashMap<>();
      scan.forEach(e -> destination.put(e.path(), e));

      Protocol.expect(in, Protocol.MANIFEST, "waiting for the source manifest");
      List<FileEntry> source = Protocol.readEntries(in);
      try {
        ManifestValidator.validate(source);
        prepare(source);
      } catch (IOException e) {
        fail(out, describe(e, null));
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
        finalizeTree(source);
      } catch (IOException e) {
        fail(out, describe(e, null));
        throw e;
      }
      out.writeByte(Protocol.DONE);
      out.writeLong(deleted);
      out.flush();
    } finally {
      leave();
    }
  }

  /** Removes what the source no longer has (or has as another kind) and creates all directories. */
  private void prepare(List<FileEntry> source) throws IOException {
    Map<String, FileEntry> src = new HashMap<>();
    source.forEach(e -> src.put(e.path(), e));
    List<FileEntry> dest = new ArrayList<>(destination.values());
    dest.sort((a, b) -> b.path().compareTo(a.path())); // children before parents
    for (FileEntry d : dest) {
      FileEntry s = src.get(d.path());
      if (s == null || s.kind() != d.kind()) {
        deleteRecursively(root.resolve(d.path()));
        destination.remove(d.path());
        if (s == null) {
          deleted++;
        }
      }
    }
    for (FileEntry s : source) {
      if (s.isDirectory()) {
        Files.createDirectories(root.resolve(s.path()));
      }
    }
    area.cleanUp(src);
    area.ensure();
  }

  /** Creates symlinks and hard links, then applies metadata (files before directories, deepest directories first). */
  private void finalizeTree(List<FileEntry> source) throws IOException {
    Set<String> created = new java.util.HashSet<>();
    for (FileEntry e : source) {
      Path p = root.resolve(e.path());
      FileEntry d = destination.get(e.path());
      if (e.isSymlink() && (d == null || !Objects.equals(d.linkTarget(), e.linkTarget()))) {
        Files.deleteIfExists(p);
        Files.createSymbolicLink(p, Path.of(e.linkTarget()));
        created.add(e.path());
      } else if (e.isFile() && e.hardLinkOf() != null) {
        boolean intact = d != null && Objects.equals(d.hardLinkOf(), e.hardLinkOf())
            && !written.contains(e.hardLinkOf()) && !written.contains(e.path());
        if (!intact) {
          Files.deleteIfExists(p);
          Files.createLink(p, root.resolve(e.hardLinkOf()));
        }
      }
    }
    for (FileEntry e : source) {
      if (e.isDirectory() || e.hardLinkOf() != null || written.contains(e.path())) {
        continue;
      }
      FileEntry d = destination.get(e.path());
      if (created.contains(e.path()) || d == null || d.uid() != e.uid() || d.gid() != e.gid()
          || (!e.isSymlink() && d.mode() != e.mode()) || !d.mtime().equals(e.mtime())) {
        MetadataApplier.apply(root, e);
      }
    }
    for (int i = source.size() - 1; i >= 0; i--) {
      if (source.get(i).isDirectory()) {
        MetadataApplier.apply(root, source.get(i));
      }
    }
    area.deleteAll();
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
            if (len < 0 || len > Protocol.FRAME || offset < 0 || offset + len > e.size()) {
              throw new IOException("protocol error: bad range " + offset + "+" + len + " for " + e.path());
            }
            if (type == Protocol.DATA) {
              in.readFully(buf, 0, len);
            }
            if (offset == 0 && len == e.size() && len <= Protocol.FRAME) {
              // The common case of many small files: the whole file in one frame, no shared state.
              IncomingFile.writeWhole(area, index, e, tag, root, type == Protocol.DATA ? buf : null);
              written.add(e.path());
              continue;
            }
            IncomingFile f = incoming(index, e);
            if (type == Protocol.DATA) {
              f.write(ByteBuffer.wrap(buf, 0, len), offset);
            } else {
              f.hole(offset, len);
            }
            if (f.arrived(len)) {
              files.remove(index);
              f.complete(root);
              written.add(e.path());
            }
          }
          case Protocol.DELTA_BEGIN -> {
            int index = in.readInt();
            FileEntry e = contentEntry(m, index);
            current = e.path();
            receiveDelta(index, e, in, out, buf);
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
        fail(out, describe(io, current));
        drain(socket, in);
        abort();
      }
      throw io;
    } finally {
      leave();
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

  /**
   * Sends the chunk list of the current copy, then rebuilds the file from copy instructions
   * (ranges of the current copy) and literal data into a temp file, renamed over the original.
   */
  private void receiveDelta(int index, FileEntry e, DataInputStream in, DataOutputStream out, byte[] buf)
      throws IOException {
    Path basis = root.resolve(e.path());
    List<Chunk> chunks = ContentDefinedChunker.forDelta().chunks(basis);
    out.writeByte(Protocol.CHUNKS);
    out.writeInt(chunks.size());
    for (Chunk c : chunks) {
      out.writeInt(c.length());
      out.write(c.id().bytes());
    }
    out.flush();
    area.ensure();
    Path temp = area.tempFile(tag + "-d" + index);
    Files.deleteIfExists(temp);
    long pos = 0;
    try (SparseWriter w = new SparseWriter(temp);
        FileChannel src = FileChannel.open(basis, StandardOpenOption.READ)) {
      while (true) {
        int type = in.readUnsignedByte();
        if (type == Protocol.DELTA_COPY) {
          long from = in.readLong();
          long len = in.readLong();
          for (long done = 0; done < len; ) {
            int n = (int) Math.min(buf.length, len - done);
            ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
            while (b.hasRemaining()) {
              if (src.read(b, from + done + b.position()) < 0) {
                throw new IOException(e.path() + " shrank on the destination during the delta transfer");
              }
            }
            w.write(b.flip(), pos);
            pos += n;
            done += n;
          }
        } else if (type == Protocol.DELTA_DATA) {
          int len = in.readInt();
          if (len < 0 || len > buf.length) {
            throw new IOException("protocol error: literal of " + len + " bytes");
          }
          in.readFully(buf, 0, len);
          w.write(ByteBuffer.wrap(buf, 0, len), pos);
          pos += len;
        } else if (type == Protocol.DELTA_END) {
          break;
        } else if (type == Protocol.ERROR) {
          throw new DirectTransferException("sender failed: " + in.readUTF());
        } else {
          throw new IOException("protocol error: unexpected message " + type + " in a delta");
        }
      }
      if (pos != e.size()) {
        throw new IOException("protocol error: delta for " + e.path() + " rebuilt " + pos + " of " + e.size() + " bytes");
      }
      w.finish(pos);
    } catch (IOException ex) {
      Files.deleteIfExists(temp);
      throw ex;
    }
    Files.move(temp, basis, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    MetadataApplier.apply(root, e);
    written.add(e.path());
  }

  private static FileEntry contentEntry(List<FileEntry> m, int index) throws IOException {
    if (index < 0 || index >= m.size() || !m.get(index).hasOwnContent()) {
      throw new IOException("protocol error: file id " + index + " is not a regular file of the manifest");
    }
    return m.get(index);
  }

  // ---- errors and teardown ----

  /** Turns an I/O failure into a message that names the file and, for a full disk, the free space. */
  String describe(IOException e, String path) {
    String what = path == null ? "" : " writing " + path;
    String msg = String.valueOf(e.getMessage());
    if (msg.contains("No space left on device") || msg.contains("Disk quota exceeded")) {
      String space = "";
      try {
        FileStore store = Files.getFileStore(root);
        space = ": " + human(store.getUsableSpace()) + " free of " + human(store.getTotalSpace());
      } catch (IOException ignored) {
        // the message is still useful without the numbers
      }
      return "destination volume is full" + what + " (" + root + space + "); enlarge the destination volume"
          + " or free space, then run the transfer again: data already received is kept and resumes";
    }
    if (e instanceof DirectTransferException) {
      return msg;
    }
    return "receiver failed" + what + ": " + e;
  }

  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format("%.1f %s", v, units[u]);
  }

  private void fail(DataOutputStream out, String message) {
    error = message;
    try {
      Protocol.writeError(out, message);
    } catch (IOException ignored) {
      // the peer is gone; the error is still recorded for the receiver's log
    }
  }

  /**
   * Keeps reading (and discarding) until the sender, having read our ERROR, closes: closing with
   * unread data would reset the connection and could destroy the ERROR before the sender reads it.
   */
  private static void drain(Socket socket, DataInputStream in) {
    try {
      socket.setSoTimeout(10_000);
      byte[] sink = new byte[1 << 16];
      while (in.read(sink) >= 0) {
        // discard
      }
    } catch (IOException ignored) {
      // timeout or reset: either way the sender has had its chance to read the error
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

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(p);
      return;
    }
    Files.walkFileTree(p, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
