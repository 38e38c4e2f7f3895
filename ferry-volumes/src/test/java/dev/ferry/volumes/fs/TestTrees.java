package dev.ferry.volumes.fs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/** Builds file trees with everything a volume copy must preserve; shared by fs and direct tests. */
public final class TestTrees {
  public static final FileTime T0 = FileTime.from(Instant.parse("2024-03-01T10:15:30.123456789Z"));

  private TestTrees() {
  }

  /**
   * A small tree with: owners other than root, setuid/setgid/sticky modes, an absolute and a
   * relative symlink, a dangling symlink, a hard link pair, a sparse file with a trailing hole,
   * an empty file, empty directories, nested directories and nanosecond mtimes.
   */
  public static void rich(Path root) throws IOException {
    Files.createDirectories(root);
    Path data = Files.createDirectories(root.resolve("data"));
    write(data.resolve("a.bin"), random(1, 200_000));
    write(data.resolve("small.txt"), "hello ferry\n".getBytes());
    write(root.resolve("empty-file"), new byte[0]);
    Files.createDirectories(root.resolve("empty-dir"));
    Files.createDirectories(root.resolve("deep/er/still"));
    write(root.resolve("deep/er/still/leaf"), random(2, 5000));
    Files.createSymbolicLink(root.resolve("rel-link"), Path.of("data/small.txt"));
    Files.createSymbolicLink(root.resolve("abs-link"), Path.of("/nonexistent/abs-target"));
    Files.createSymbolicLink(root.resolve("dangling"), Path.of("no/such/file"));
    Files.createLink(root.resolve("data/hard-2"), data.resolve("a.bin"));
    sparse(root.resolve("sparse.img"), 8 << 20);
    setuidScript(root.resolve("suid"));
    attrs(data.resolve("small.txt"), 1000, 1001, 0640, T0.toInstant().plusSeconds(1));
    attrs(data.resolve("a.bin"), 1002, 1003, 0600, T0.toInstant().plusSeconds(2));
    attrs(root.resolve("empty-dir"), 1004, 1004, 01777, T0.toInstant().plusSeconds(3));
    attrs(root.resolve("deep/er"), 0, 1005, 02750, T0.toInstant().plusSeconds(4));
    lattrs(root.resolve("rel-link"), 1006, 1007, T0.toInstant().plusSeconds(5));
    attrs(data, 1008, 1008, 0755, T0.toInstant().plusSeconds(6));
  }

  /** An 8 MiB-ish sparse file: a hole, 64 KiB of data in the middle, and a trailing hole. */
  public static void sparse(Path file, long length) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(length / 2);
      f.write(random(3, 64 << 10));
      f.setLength(length);
    }
  }

  /** Bytes actually allocated on disk (st_blocks * 512), via stat(1). */
  public static long allocated(Path file) throws IOException {
    try {
      Process p = new ProcessBuilder("stat", "-c", "%b %B", file.toString()).start();
      String[] out = new String(p.getInputStream().readAllBytes()).trim().split(" ");
      p.waitFor();
      return Long.parseLong(out[0]) * Long.parseLong(out[1]);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void setuidScript(Path p) throws IOException {
    write(p, "#!/bin/sh\n".getBytes());
    attrs(p, 0, 0, 06755, T0.toInstant());
  }

  public static byte[] random(long seed, int n) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  public static void write(Path p, byte[] content) throws IOException {
    Files.createDirectories(p.getParent());
    Files.write(p, content);
  }

  public static void attrs(Path p, int uid, int gid, int mode, Instant mtime) throws IOException {
    Files.setAttribute(p, "unix:uid", uid);
    Files.setAttribute(p, "unix:gid", gid);
    Files.setAttribute(p, "unix:mode", mode);
    Files.setLastModifiedTime(p, FileTime.from(mtime));
  }

  public static void lattrs(Path p, int uid, int gid, Instant mtime) throws IOException {
    Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(p, "lastModifiedTime", FileTime.from(mtime), LinkOption.NOFOLLOW_LINKS);
  }

  /** Copies a tree with the real cp(1) (-a keeps owners, modes, times, links; sparse stays sparse). */
  public static void cpA(Path from, Path to) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("cp", "-a", "--sparse=always", from + "/.", to.toString()).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IOException("cp -a failed");
    }
  }

  /** Recreates the entries' names and content under {@code dst} with default metadata (what a receiver does first). */
  public static void recreateWithoutMetadata(Path src, Path dst, List<FileEntry> entries) throws IOException {
    Files.createDirectories(dst);
    for (FileEntry e : entries) {
      Path d = dst.resolve(e.path());
      switch (e.kind()) {
        case DIRECTORY -> Files.createDirectories(d);
        case SYMLINK -> Files.createSymbolicLink(d, Path.of(e.linkTarget()));
        case FILE -> {
          if (e.hardLinkOf() != null) {
            Files.createLink(d, dst.resolve(e.hardLinkOf()));
          } else {
            Files.copy(src.resolve(e.path()), d, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
  }
}
