package dev.ferry.backup.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * The directory a backup is extracted into, and the containment rules for what an entry may
 * create there: no absolute or non-portable paths, nothing that normalizes outside the root, no
 * file where a directory is needed, and files opened without following links.
 */
final class ExtractionRoot {
  private final Path root;

  private ExtractionRoot(Path root) {
    this.root = root;
  }

  /** {@code targetDir}, created if absent; it must be empty. */
  static ExtractionRoot prepare(Path targetDir) throws IOException {
    Path root = targetDir.toAbsolutePath().normalize();
    Files.createDirectories(root);
    try (Stream<Path> children = Files.list(root)) {
      if (children.findAny().isPresent()) {
        throw new IllegalArgumentException("extraction directory is not empty: " + root);
      }
    }
    // Resolve symlinks in the target itself once, so containment checks compare real paths.
    return new ExtractionRoot(root.toRealPath());
  }

  Path path() {
    return root;
  }

  /**
   * The entry's destination, refused if it is absolute or normalizes to outside the root
   * ({@code ./} itself is allowed: GNU tar adds it when repacking a directory).
   */
  Path target(String name) {
    if (name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0
        || (name.length() > 1 && name.charAt(1) == ':')) {
      throw unsafe(name, "is an absolute or non-portable path");
    }
    Path target;
    try {
      target = root.resolve(name).normalize();
    } catch (InvalidPathException e) {
      throw unsafe(name, "is not a valid path");
    }
    if (!target.startsWith(root)) {
      throw unsafe(name, "escapes the extraction directory");
    }
    return target;
  }

  /** The target's path below the root, with '/' separators (as entries name it). */
  String relative(Path target) {
    return root.relativize(target).toString().replace(java.io.File.separatorChar, '/');
  }

  /** A file where a directory is needed means the archive contradicts itself. */
  void createDirectories(Path dir, String name) throws IOException {
    try {
      Files.createDirectories(dir);
    } catch (FileSystemException e) {
      for (Path p = dir; p != null && p.startsWith(root); p = p.getParent()) {
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)
            && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          throw new BackupFormatException("backup tarball entry " + name
              + " conflicts with an earlier entry: " + root.relativize(p)
              + " is a file, not a directory", e);
        }
      }
      throw e;
    }
  }

  static OutputStream create(Path target) throws IOException {
    return Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
  }

  static void write(Path target, byte[] data) throws IOException {
    Files.write(target, data, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
  }

  static BackupFormatException unsafe(String name, String why) {
    return new BackupFormatException("backup tarball entry " + name + " " + why
        + "; refusing to extract it");
  }
}
