package dev.ferry.volumes.repo;

import dev.ferry.objectstore.ObjectNotFoundException;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.chunk.ChunkId;
import dev.ferry.volumes.fs.FileEntry;
import dev.ferry.volumes.fs.MetadataApplier;
import dev.ferry.volumes.fs.SparseWriter;
import dev.ferry.volumes.fs.TreeScanner;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes a destination directory equal to a snapshot. Incremental: a destination file whose
 * chunks are already the snapshot's is left alone; everything not in the snapshot is removed.
 * Content is fetched pack by pack (each needed pack streamed once, on worker threads) and every
 * chunk is checked against its SHA-256 before it is written; all-zero blocks become holes.
 * Metadata (owner, mode, mtime) is applied last, directories deepest first.
 */
final class SnapshotRestorer {
  private final ObjectStore store;
  private final RepositoryLayout layout;
  private final RepositoryOptions options;
  private final FileChunking chunking;

  /** Where one chunk's bytes go. */
  private record Target(String path, long offset) {
  }

  /** One blob to take from a pack, and every place it goes. */
  private record Need(PackEntry entry, List<Target> targets) {
  }

  SnapshotRestorer(ObjectStore store, RepositoryLayout layout, RepositoryOptions options) {
    this.store = store;
    this.layout = layout;
    this.options = options;
    this.chunking = new FileChunking(options.chunker());
  }

  RestoreResult restore(SnapshotInfo info, List<SnapshotEntry> tree, Path destination, RepositoryIndex index,
      ProgressListener listener) throws IOException, InterruptedException {
    ProgressTracker progress = new ProgressTracker(listener);
    Files.createDirectories(destination);
    Path root = destination.toRealPath();
    Map<String, SnapshotEntry> wanted = new LinkedHashMap<>();
    long files = 0;
    long bytes = 0;
    for (SnapshotEntry e : tree) {
      wanted.put(e.path(), e);
      if (e.entry().hasOwnContent()) {
        files++;
        bytes += e.entry().size();
      }
    }
    progress.totals(bytes, files);

    // 1. Remove what the snapshot does not have (or has as something else), children first.
    List<FileEntry> existing = TreeScanner.scan(root);
    Map<String, FileEntry> present = new HashMap<>();
    long removed = 0;
    for (int i = existing.size() - 1; i >= 0; i--) {
      FileEntry have = existing.get(i);
      SnapshotEntry want = wanted.get(have.path());
      if (want == null || mustReplace(have, want.entry())) {
        deleteRecursively(root.resolve(have.path()));
        removed++;
      } else {
        present.put(have.path(), have);
      }
    }

    // 2. Directories, then find which files already hold the snapshot's content.
    for (SnapshotEntry e : tree) {
      if (e.entry().isDirectory()) {
        Files.createDirectories(root.resolve(e.path()));
      }
    }
    ExecutorService workers = Executors.newFixedThreadPool(options.workers(), SnapshotWriter.daemon("ferry-restore"));
    try {
      List<SnapshotEntry> candidates = tree.stream().filter(e -> e.entry().hasOwnContent())
          .filter(e -> present.containsKey(e.path())).toList();
      Boolean[] same = new Boolean[candidates.size()];
      List<Future<?>> checks = new ArrayList<>();
      for (int i = 0; i < candidates.size(); i++) {
        int slot = i;
        checks.add(workers.submit(() -> {
          SnapshotEntry e = candidates.get(slot);
          FileEntry have = present.get(e.path());
          same[slot] = have.size() == e.entry().size()
              && chunking.chunkIds(root.resolve(e.path())).equals(e.chunks());
          return null;
        }));
      }
      SnapshotWriter.awaitAll(checks, workers);
      java.util.Set<String> unchanged = new java.util.HashSet<>();
      for (int i = 0; i < candidates.size(); i++) {
        if (same[i]) {
          unchanged.add(candidates.get(i).path());
          progress.bytes(candidates.get(i).entry().size());
          progress.fileDone();
        }
      }

      // 3. Fresh files (a new inode, so a stale hard link elsewhere is never written through), sized up front.
      Map<String, List<Need>> byPack = new HashMap<>();
      Map<ChunkId, Need> needs = new HashMap<>();
      long filesWritten = 0;
      long bytesWritten = 0;
      for (SnapshotEntry e : tree) {
        if (!e.entry().hasOwnContent() || unchanged.contains(e.path())) {
          continue;
        }
        Path file = root.resolve(e.path());
        Files.deleteIfExists(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
          raf.setLength(e.entry().size());
        }
        filesWritten++;
        bytesWritten += e.entry().size();
        long offset = 0;
        for (ChunkId id : e.chunks()) {
          RepositoryIndex.Location where = index.find(id).orElseThrow(() -> new RepositoryCorruptException(
              "snapshot " + info.shortId() + ": file " + e.path() + " needs chunk " + Ids.shortHex(id)
                  + ", which is in no pack of " + store.describe() + "; the repository is damaged: take a new "
                  + "snapshot from the source"));
          Need need = needs.computeIfAbsent(id, k -> {
            Need n = new Need(where.entry(), new ArrayList<>());
            byPack.computeIfAbsent(where.packId(), p -> new ArrayList<>()).add(n);
            return n;
          });
          need.targets().add(new Target(e.path(), offset));
          offset += where.entry().rawLength();
        }
        if (offset != e.entry().size()) {
          throw new RepositoryCorruptException("snapshot " + info.shortId() + ": file " + e.path() + " is "
              + e.entry().size() + " bytes but its chunks add up to " + offset + "; the tree is damaged");
        }
        if (e.chunks().isEmpty()) {
          progress.fileDone();
        }
      }

      // 4. Stream each needed pack once.
      AtomicLong downloaded = new AtomicLong();
      Map<String, Integer> chunksLeft = new java.util.concurrent.ConcurrentHashMap<>();
      for (SnapshotEntry e : tree) {
        if (e.entry().hasOwnContent() && !unchanged.contains(e.path()) && !e.chunks().isEmpty()) {
          chunksLeft.put(e.path(), e.chunks().size());
        }
      }
      List<Future<?>> fetches = new ArrayList<>();
      for (Map.Entry<String, List<Need>> pack : byPack.entrySet()) {
        fetches.add(workers.submit(() -> {
          fetchPack(info, root, pack.getKey(), pack.getValue(), downloaded, progress, chunksLeft);
          return null;
        }));
      }
      SnapshotWriter.awaitAll(fetches, workers);

      // 5. Symlinks and hard links, then metadata.
      for (SnapshotEntry e : tree) {
        FileEntry f = e.entry();
        Path p = root.resolve(f.path());
        if (f.isSymlink() && !Files.isSymbolicLink(p)) {
          Files.createSymbolicLink(p, Path.of(f.linkTarget()));
        } else if (f.isFile() && f.hardLinkOf() != null) {
          Files.deleteIfExists(p);
          Files.createLink(p, root.resolve(f.hardLinkOf()));
        }
      }
      MetadataApplier.applyAll(root, tree.stream().map(SnapshotEntry::entry).toList());
      progress.finish();
      return new RestoreResult(filesWritten, unchanged.size(), removed, bytesWritten, downloaded.get(),
          progress.elapsed());
    } finally {
      workers.shutdownNow();
    }
  }

  /** True if the destination entry cannot be kept in place: other kind, other link target, or a link to be redone. */
  private static boolean mustReplace(FileEntry have, FileEntry want) {
    return have.kind() != want.kind()
        || !Objects.equals(have.linkTarget(), want.linkTarget())
        || (have.isFile() && (have.hardLinkOf() != null || want.hardLinkOf() != null));
  }

  private void fetchPack(SnapshotInfo info, Path root, String packId, List<Need> needs, AtomicLong downloaded,
      ProgressTracker progress, Map<String, Integer> chunksLeft) throws IOException {
    needs.sort(Comparator.comparingInt(n -> n.entry().offset()));
    String key = layout.pack(packId);
    long position = 0;
    try (InputStream in = store.get(key)) {
      for (Need need : needs) {
        PackEntry entry = need.entry();
        String what = "snapshot " + info.shortId() + ": file " + need.targets().get(0).path()
            + (need.targets().size() > 1 ? " (and " + (need.targets().size() - 1) + " more)" : "")
            + ": chunk " + Ids.shortHex(entry.id()) + " in pack object " + key + " at offset " + entry.offset();
        byte[] stored;
        try {
          in.skipNBytes(entry.offset() - position);
          stored = in.readNBytes(entry.storedLength());
        } catch (EOFException e) {
          throw truncated(what, key, e);
        }
        position = entry.offset() + (long) stored.length;
        downloaded.addAndGet(stored.length);
        progress.transferred(stored.length);
        if (stored.length < entry.storedLength()) {
          throw truncated(what, key, null);
        }
        byte[] raw;
        try {
          raw = entry.compressed() ? BlobCompression.decompress(stored, 0, stored.length, entry.rawLength()) : stored;
        } catch (IllegalArgumentException e) {
          throw new RepositoryCorruptException(what + " is corrupt: " + e.getMessage() + "; the repository is "
              + "damaged: take a new snapshot from the source", e);
        }
        if (!Ids.hash(raw, 0, raw.length).equals(entry.id())) {
          throw new RepositoryCorruptException(what + " is corrupt: its content does not match its SHA-256; the "
              + "repository is damaged: take a new snapshot from the source");
        }
        for (Target t : need.targets()) {
          try (SparseWriter out = new SparseWriter(root.resolve(t.path()))) {
            out.write(ByteBuffer.wrap(raw), t.offset());
          }
          progress.bytes(raw.length);
          if (chunksLeft.merge(t.path(), -1, Integer::sum) == 0) {
            progress.fileDone();
          }
        }
      }
    } catch (ObjectNotFoundException e) {
      throw new RepositoryCorruptException("snapshot " + info.shortId() + ": pack object " + key + " (needed by file "
          + needs.get(0).targets().get(0).path() + ") is missing from " + store.describe() + "; the repository is "
          + "damaged: take a new snapshot from the source", e);
    }
  }

  private static RepositoryCorruptException truncated(String what, String key, Throwable cause) {
    return new RepositoryCorruptException(what + " cannot be read: pack object " + key + " is truncated; the "
        + "repository is damaged: take a new snapshot from the source", cause);
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(path);
      return;
    }
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        if (exc != null && !(exc instanceof NoSuchFileException)) {
          throw exc;
        }
        Files.deleteIfExists(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
