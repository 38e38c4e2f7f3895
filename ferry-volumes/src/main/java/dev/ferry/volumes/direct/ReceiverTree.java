package dev.ferry.volumes.direct;

import dev.ferry.volumes.fs.FileEntry;
import dev.ferry.volumes.fs.MetadataApplier;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The destination tree of one session, before and after the data: what it held when scanned,
 * what the source no longer has (deleted before any data arrives), and at the end the links and
 * metadata that make it the source's twin. Files written by this session are tracked, so
 * unchanged files keep their metadata untouched.
 */
final class ReceiverTree {
  private final Path root;
  private final PartialArea area;
  private final Map<String, FileEntry> destination = new HashMap<>();
  private final Set<String> written = ConcurrentHashMap.newKeySet();
  private long deleted;

  ReceiverTree(Path root, PartialArea area, List<FileEntry> scanned) {
    this.root = root;
    this.area = area;
    scanned.forEach(e -> destination.put(e.path(), e));
  }

  /** {@code path}'s content was written by this session (its metadata must be applied again). */
  void written(String path) {
    written.add(path);
  }

  long deleted() {
    return deleted;
  }

  /** Removes what the source no longer has (or has as another kind) and creates all directories. */
  void prepare(List<FileEntry> source) throws IOException {
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
  void finalizeTree(List<FileEntry> source) throws IOException {
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
