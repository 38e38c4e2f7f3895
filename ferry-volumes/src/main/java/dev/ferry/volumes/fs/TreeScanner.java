package dev.ferry.volumes.fs;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists a volume's file tree with the metadata a copy must preserve. Never follows symlinks.
 * Entries are sorted by path (plain string order, so a directory precedes its contents), which
 * makes hard-link leaders ({@link FileEntry#hardLinkOf}) the same on both sides of a copy.
 */
public final class TreeScanner {
  /** Top-level directory where the direct receiver keeps partial data; never part of the volume's content. */
  public static final String PARTIAL_AREA = ".ferry-partial";

  private static final String ATTRIBUTES = "unix:mode,uid,gid,size,lastModifiedTime,nlink,dev,ino,ctime";

  private TreeScanner() {
  }

  public static List<FileEntry> scan(Path root) throws IOException {
    return scan(root, false);
  }

  /**
   * @param skipFerryPrivate leave out the top-level {@value #PARTIAL_AREA} directory (the receiver's resume area)
   */
  public static List<FileEntry> scan(Path root, boolean skipFerryPrivate) throws IOException {
    return scan(root, skipFerryPrivate, null);
  }

  /**
   * @param identities when not null, receives each regular file's (inode, ctime in ns) by path,
   *     from the same stat that read its metadata: the repository's change check needs them, and
   *     a second stat per file was a third of an unchanged snapshot's cost
   */
  public static List<FileEntry> scan(Path root, boolean skipFerryPrivate, Map<String, long[]> identities)
      throws IOException {
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(root + " is not a directory: a volume tree root must be a directory");
    }
    List<Path> paths = new ArrayList<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (!dir.equals(root)) {
          if (skipFerryPrivate && dir.getParent().equals(root)
              && dir.getFileName().toString().equals(PARTIAL_AREA)) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          paths.add(dir);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        paths.add(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
        throw new IOException("cannot read " + file + ": " + exc.getMessage(), exc);
      }
    });
    List<FileEntry> entries = new ArrayList<>(paths.size());
    Map<String, String> inodeOf = new HashMap<>();
    for (Path p : paths) {
      FileEntry e = entry(root, p, inodeOf, identities);
      if (e != null) {
        entries.add(e);
      }
    }
    entries.sort(Comparator.comparing(FileEntry::path));
    return linkHardLinks(entries, inodeOf);
  }

  /** Path of {@code p} relative to {@code root}, '/'-separated. */
  public static String relative(Path root, Path p) {
    Path rel = root.relativize(p);
    String s = rel.toString();
    return rel.getFileSystem().getSeparator().equals("/") ? s : s.replace(rel.getFileSystem().getSeparator(), "/");
  }

  private static FileEntry entry(Path root, Path p, Map<String, String> inodeOf, Map<String, long[]> identities)
      throws IOException {
    // Named attributes only: "unix:*" would also resolve owner and group names (a passwd lookup per file).
    Map<String, Object> a = Files.readAttributes(p, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    int rawMode = (Integer) a.get("mode");
    int type = rawMode & 0170000;
    FileKind kind;
    if (type == 0100000) {
      kind = FileKind.FILE;
    } else if (type == 0040000) {
      kind = FileKind.DIRECTORY;
    } else if (type == 0120000) {
      kind = FileKind.SYMLINK;
    } else {
      return null; // sockets, fifos, devices: not volume data
    }
    String rel = relative(root, p);
    long size = kind == FileKind.FILE ? (Long) a.get("size") : 0L;
    String target = kind == FileKind.SYMLINK ? Files.readSymbolicLink(p).toString() : null;
    if (kind == FileKind.FILE && identities != null) {
      java.time.Instant ctime = ((FileTime) a.get("ctime")).toInstant();
      identities.put(rel, new long[] {(Long) a.get("ino"), ctime.getEpochSecond() * 1_000_000_000L + ctime.getNano()});
    }
    if (kind == FileKind.FILE && (Integer) a.get("nlink") > 1) {
      inodeOf.put(rel, a.get("dev") + ":" + a.get("ino"));
    }
    return new FileEntry(rel, kind, size, rawMode & 07777, (Integer) a.get("uid"), (Integer) a.get("gid"),
        (FileTime) a.get("lastModifiedTime"), target, null);
  }

  /** Second and later names of a multiply-linked inode point at the first name (in path order). */
  private static List<FileEntry> linkHardLinks(List<FileEntry> entries, Map<String, String> inodeOf) {
    if (inodeOf.isEmpty()) {
      return entries;
    }
    Map<String, String> leaders = new HashMap<>();
    List<FileEntry> out = new ArrayList<>(entries.size());
    for (FileEntry e : entries) {
      String inode = inodeOf.get(e.path());
      if (inode != null) {
        String leader = leaders.putIfAbsent(inode, e.path());
        if (leader != null) {
          e = new FileEntry(e.path(), e.kind(), e.size(), e.mode(), e.uid(), e.gid(), e.mtime(), null, leader);
        }
      }
      out.add(e);
    }
    return out;
  }

  /** Total content bytes (each inode once). */
  public static long contentBytes(List<FileEntry> entries) {
    long total = 0;
    for (FileEntry e : entries) {
      if (e.hasOwnContent()) {
        total += e.size();
      }
    }
    return total;
  }
}
