package dev.ferry.objectstore;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Keys as files below the filesystem repository's {@code root}: key {@code a/b/c} is the file
 * {@code <root>/a/b/c}, never anything outside the root; names ending in {@link #TEMP_SUFFIX}
 * are reserved for the temp files of puts in flight, and are neither keys nor listed.
 */
record FilesystemTree(Path root) {
  /** Temp files are ".<name>.<uuid>.ferry-tmp"; valid keys may not end like that, so they never collide. */
  static final String TEMP_SUFFIX = ".ferry-tmp";

  String describe() {
    return "filesystem repository " + root;
  }

  /** The file for a key, guaranteed to be inside root. */
  Path resolve(String key) {
    ObjectKeys.requireValidKey(key);
    if (isTempName(key.substring(key.lastIndexOf('/') + 1))) {
      throw new InvalidKeyException("object key '" + ObjectKeys.printable(key) + "' ends with " + TEMP_SUFFIX
          + ", which the filesystem repository reserves for its temp files");
    }
    Path file = root.resolve(key).normalize();
    // ObjectKeys already rules out "..", absolute keys and backslashes; this is the last line of defence.
    if (!file.startsWith(root) || file.equals(root)) {
      throw new InvalidKeyException("object key '" + ObjectKeys.printable(key) + "' resolves outside " + describe());
    }
    return file;
  }

  /** The keys starting with {@code prefix} (valid), unsorted; a file deleted during the walk is left out. */
  List<String> keys(String prefix) throws IOException {
    // Walk only the deepest directory the prefix names: listing backups/b1/ must not touch restores/.
    int slash = prefix.lastIndexOf('/');
    Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    Files.walkFileTree(start, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && !isTempName(file.getFileName().toString())) {
          String key = toKey(file);
          if (key.startsWith(prefix)) {
            keys.add(key);
          }
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE; // deleted while we walked: it is simply not listed
        }
        throw e;
      }
    });
    return keys;
  }

  /** Removes the directories a delete left empty, up to (not including) the root. */
  void pruneEmptyParents(Path dir) {
    for (Path d = dir; d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) {
      try {
        Files.delete(d);
      } catch (NoSuchFileException e) {
        // already pruned by a concurrent delete; keep going up
      } catch (DirectoryNotEmptyException e) {
        return;
      } catch (IOException e) {
        return; // pruning is tidiness, not correctness
      }
    }
  }

  private String toKey(Path file) {
    Path relative = root.relativize(file);
    StringBuilder key = new StringBuilder();
    for (Path part : relative) {
      if (key.length() > 0) {
        key.append('/');
      }
      key.append(part);
    }
    return key.toString();
  }

  private static boolean isTempName(String name) {
    return name.endsWith(TEMP_SUFFIX);
  }
}
