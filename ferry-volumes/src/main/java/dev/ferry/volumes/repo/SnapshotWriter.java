package dev.ferry.volumes.repo;

import dev.ferry.objectstore.ObjectStore;
import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.chunk.ChunkId;
import dev.ferry.volumes.fs.FileEntry;
import dev.ferry.volumes.fs.TreeScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes one snapshot. Files are read, chunked, hashed and compressed on worker threads (one file
 * per task); new chunks go to a {@link PackUploader} that uploads full packs in the background.
 * Unchanged files (same size, mtime, inode and ctime as in the parent snapshot, all chunks still
 * in the repository) are not read at all. The tree and then the header are written only after
 * every pack is stored: a snapshot exists once its header exists, and an interrupted run leaves
 * only packs, which the next run's index picks up and reuses.
 */
final class SnapshotWriter {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SnapshotWriter.class);
  private final ObjectStore store;
  private final RepositoryLayout layout;
  private final RepositoryOptions options;
  private final FileChunking chunking;

  SnapshotWriter(ObjectStore store, RepositoryLayout layout, RepositoryOptions options) {
    this.store = store;
    this.layout = layout;
    this.options = options;
    this.chunking = new FileChunking(options.chunker());
  }

  SnapshotResult snapshot(Path source, Map<String, String> tags, ProgressListener listener, RepositoryIndex index,
      SnapshotCatalog catalog) throws IOException, InterruptedException {
    ProgressTracker progress = new ProgressTracker(listener);
    long t0 = System.nanoTime();
    Map<String, long[]> identities = new HashMap<>();
    List<FileEntry> scanned = TreeScanner.scan(source, false, identities);
    long tScan = System.nanoTime();
    long files = scanned.stream().filter(FileEntry::hasOwnContent).count();
    progress.totals(TreeScanner.contentBytes(scanned), files);

    SnapshotInfo parent = catalog.latest(tags).orElse(null);
    Map<String, SnapshotEntry> previous = new HashMap<>();
    if (parent != null) {
      for (SnapshotEntry e : catalog.tree(parent)) {
        previous.put(e.path(), e);
      }
    }

    SnapshotEntry[] result = new SnapshotEntry[scanned.size()];
    AtomicLong filesRead = new AtomicLong();
    AtomicLong filesUnchanged = new AtomicLong();
    AtomicLong bytesRead = new AtomicLong();
    ExecutorService workers = Executors.newFixedThreadPool(options.workers(), daemon("ferry-snapshot-chunk"));
    try (PackUploader uploader = new PackUploader(store, layout, index, options.packBytes(), options.uploadsInFlight())) {
      List<Future<?>> tasks = new ArrayList<>();
      for (int i = 0; i < scanned.size(); i++) {
        FileEntry e = scanned.get(i);
        if (!e.hasOwnContent()) {
          result[i] = new SnapshotEntry(e, 0, 0, List.of());
          continue;
        }
        int slot = i;
        Path file = source.resolve(e.path());
        long[] scannedIdentity = identities.get(e.path());
        long[] identity = scannedIdentity != null ? scannedIdentity : identity(file, e.path());
        SnapshotEntry old = previous.get(e.path());
        if (old != null && unchanged(old, e, identity, index)) {
          result[slot] = new SnapshotEntry(e, identity[0], identity[1], old.chunks());
          filesUnchanged.incrementAndGet();
          progress.bytes(e.size());
          progress.fileDone();
          continue;
        }
        tasks.add(workers.submit(() -> {
          result[slot] = store(file, e, identity, uploader, progress);
          filesRead.incrementAndGet();
          bytesRead.addAndGet(result[slot].entry().size());
          return null;
        }));
      }
      long tPlanned = System.nanoTime();
      awaitAll(tasks, workers);
      uploader.flush();
      long tData = System.nanoTime();

      List<SnapshotEntry> tree = Arrays.asList(result);
      byte[] treeBytes = TreeCodec.encode(tree);
      String treeSha = Ids.sha256Hex(treeBytes);
      long treeUploaded = 0;
      if (parent == null || !parent.treeSha256().equals(treeSha)) {
        store.put(layout.tree(treeSha), treeBytes); // an unchanged volume has its parent's tree: stored already
        treeUploaded = treeBytes.length;
      }
      long chunks = tree.stream().flatMap(t -> t.chunks().stream()).distinct().count();
      long contentBytes = tree.stream().filter(t -> t.entry().hasOwnContent()).mapToLong(t -> t.entry().size()).sum();
      long added = uploader.bytesUploaded() + treeUploaded;
      SnapshotInfo draft = new SnapshotInfo("", Instant.now(), tags, parent == null ? null : parent.id(), treeSha,
          tree.size(), files, contentBytes, chunks, added);
      byte[] header = SnapshotInfoCodec.encode(draft);
      String id = Ids.sha256Hex(header);
      // Written last: until this put, no reader can see the snapshot.
      store.put(layout.snapshot(id), header);
      progress.transferred(treeUploaded + header.length);
      long tEnd = System.nanoTime();
      LOG.info("Snapshot {} of {}: scan {} ms, parent and change check {} ms, reading/uploading {} ms, tree and "
          + "header {} ms", id.substring(0, 12), source, (tScan - t0) / 1_000_000,
          (tPlanned - tScan) / 1_000_000, (tData - tPlanned) / 1_000_000, (tEnd - tData) / 1_000_000);
      progress.finish();
      SnapshotInfo info = new SnapshotInfo(id, draft.time(), tags, draft.parentId(), treeSha, draft.entries(),
          files, contentBytes, chunks, added);
      return new SnapshotResult(info, filesRead.get(), filesUnchanged.get(), bytesRead.get(), uploader.blobsAdded(),
          added + header.length, progress.elapsed());
    } finally {
      workers.shutdownNow();
    }
  }

  /** Reads and chunks one file, storing chunks the repository lacks. */
  private SnapshotEntry store(Path file, FileEntry e, long[] identity, PackUploader uploader, ProgressTracker progress)
      throws IOException, InterruptedException {
    List<ChunkId> ids = new ArrayList<>();
    long read;
    try {
      read = chunking.chunk(file, (chunk, data, offset) -> {
        ids.add(chunk.id());
        if (uploader.claim(chunk.id())) {
          byte[] compressed = BlobCompression.compress(data, offset, chunk.length());
          byte[] stored = compressed != null ? compressed : Arrays.copyOfRange(data, offset, offset + chunk.length());
          uploader.add(chunk.id(), stored, chunk.length(), compressed != null);
          progress.transferred(stored.length);
        }
        progress.bytes(chunk.length());
      });
    } catch (NoSuchFileException gone) {
      throw vanished(e.path(), gone);
    }
    progress.fileDone();
    FileEntry actual = read == e.size() ? e
        : new FileEntry(e.path(), e.kind(), read, e.mode(), e.uid(), e.gid(), e.mtime(), null, null);
    return new SnapshotEntry(actual, identity[0], identity[1], ids);
  }

  private static boolean unchanged(SnapshotEntry old, FileEntry now, long[] identity, RepositoryIndex index) {
    FileEntry was = old.entry();
    if (!was.hasOwnContent() || was.size() != now.size() || !was.mtime().equals(now.mtime())
        || old.inode() != identity[0] || old.ctimeNanos() != identity[1]) {
      return false;
    }
    for (ChunkId id : old.chunks()) {
      if (!index.contains(id)) {
        return false;
      }
    }
    return true;
  }

  /** Inode and ctime (ns): what changes when content changes, even if mtime was reset. */
  private static long[] identity(Path file, String path) throws IOException {
    Map<String, Object> a;
    try {
      a = Files.readAttributes(file, "unix:ino,ctime", LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException gone) {
      throw vanished(path, gone);
    }
    FileTime ctime = (FileTime) a.get("ctime");
    Instant t = ctime.toInstant();
    return new long[] {(Long) a.get("ino"), t.getEpochSecond() * 1_000_000_000L + t.getNano()};
  }

  private static IOException vanished(String path, NoSuchFileException cause) {
    return new IOException(path + " disappeared while the snapshot was taken; snapshot a quiesced volume (scale the "
        + "workload down) or retry; nothing was published", cause);
  }

  static void awaitAll(List<Future<?>> tasks, ExecutorService workers) throws IOException, InterruptedException {
    try {
      for (Future<?> f : tasks) {
        f.get();
      }
    } catch (ExecutionException e) {
      workers.shutdownNow();
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException uio) {
        throw uio.getCause();
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof InterruptedException ie) {
        throw ie;
      }
      throw new RepositoryException(cause.toString(), cause);
    }
  }

  static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread t = new Thread(runnable, name);
      t.setDaemon(true);
      return t;
    };
  }
}
