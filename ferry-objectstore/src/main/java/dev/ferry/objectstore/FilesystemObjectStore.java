package dev.ferry.objectstore;

import dev.ferry.objectstore.ObjectStoreException.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;


/**
 * The replication repository as a directory tree: key {@code backups/b1/b1.tar.gz} is the file
 * {@code <root>/backups/b1/b1.tar.gz}. Ferry's embedded default, and what the data movers share
 * through a volume.
 *
 * <p>A put writes a hidden temp file next to its target, fsyncs it and renames it into place
 * atomically, so readers (and a restarted controller after a crash) see either the old object or
 * the complete new one, never a partial one. Leftover temp files from a crash are invisible to
 * {@link #list} and {@link #exists}.
 */
public final class FilesystemObjectStore implements ObjectStore {
  /** Temp files are ".<name>.<uuid>.ferry-tmp"; valid keys may not end like that, so they never collide. */
  static final String TEMP_SUFFIX = ".ferry-tmp";
  private static final int COPY_BUFFER = 256 * 1024;
  /** A concurrent delete may prune the directory a put just created; a few retries make that race harmless. */
  private static final int DIRECTORY_RACE_RETRIES = 5;

  private final Path root;

  public FilesystemObjectStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    if (!Files.exists(this.root)) {
      throw new ObjectStoreException("filesystem repository " + this.root + " does not exist: create the directory "
          + "(and make it writable by Ferry's user) or fix filesystemPath", null, Failure.MISSING_BUCKET);
    }
    if (!Files.isDirectory(this.root)) {
      throw new ObjectStoreException("filesystem repository " + this.root + " is not a directory: point "
          + "filesystemPath at a directory");
    }
    if (!Files.isWritable(this.root)) {
      throw new ObjectStoreException("filesystem repository " + this.root + " is not writable by Ferry's user: "
          + "fix its ownership or permissions, or choose another filesystemPath");
    }
  }

  public Path root() {
    return root;
  }

  @Override
  public void put(String key, InputStream content, long length) {
    Path target = resolve(key);
    Path temp = null;
    try {
      temp = createTempNextTo(target, key);
      long written;
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        written = copy(content, Channels.newOutputStream(channel), key);
        if (length >= 0 && written != length) {
          throw new ObjectStoreException("object " + ObjectKeys.printable(key) + " for " + describe()
              + " was announced as " + length + " bytes but its stream gave " + written + "; nothing was stored");
        }
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      fsyncDirectory(target.getParent());
    } catch (IOException e) {
      throw failure("writing", key, e);
    } finally {
      if (temp != null) {
        deleteQuietly(temp);
      }
    }
  }

  @Override
  public InputStream get(String key) {
    Path file = resolve(key);
    if (Files.isDirectory(file)) {
      throw notFound(key);
    }
    try {
      return Files.newInputStream(file);
    } catch (NoSuchFileException | NotDirectoryException e) {
      throw notFound(key);
    } catch (IOException e) {
      throw failure("reading", key, e);
    }
  }

  @Override
  public InputStream get(String key, long offset, long length) {
    ObjectKeys.requireValidRange(offset, length);
    Path file = resolve(key);
    if (Files.isDirectory(file)) {
      throw notFound(key);
    }
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
      channel.position(Math.min(offset, channel.size()));
      return new BoundedInputStream(Channels.newInputStream(channel), length);
    } catch (NoSuchFileException | NotDirectoryException e) {
      throw notFound(key);
    } catch (IOException e) {
      throw failure("reading", key, e);
    }
  }

  @Override
  public boolean exists(String key) {
    return Files.isRegularFile(resolve(key));
  }

  @Override
  public List<String> list(String prefix) {
    String valid = ObjectKeys.requireValidPrefix(prefix);
    // Walk only the deepest directory the prefix names: listing backups/b1/ must not touch restores/.
    int slash = valid.lastIndexOf('/');
    Path start = slash < 0 ? root : root.resolve(valid.substring(0, slash));
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    try {
      Files.walkFileTree(start, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && !isTemp(file)) {
            String key = toKey(file);
            if (key.startsWith(valid)) {
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
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw failure("listing", valid, e);
    }
    Collections.sort(keys);
    return keys;
  }

  @Override
  public void delete(String key) {
    Path file = resolve(key);
    if (!Files.isRegularFile(file)) {
      return; // absent, or a "folder" of other keys: deleting a missing object is not an error
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw failure("deleting", key, e);
    }
    pruneEmptyParents(file.getParent());
  }

  @Override
  public String describe() {
    return "filesystem repository " + root;
  }

  @Override
  public void close() {
    // nothing is held open between calls
  }

  @Override
  public String toString() {
    return describe();
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

  private Path createTempNextTo(Path target, String key) throws IOException {
    String name = "." + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX;
    for (int attempt = 1; ; attempt++) {
      try {
        Files.createDirectories(target.getParent());
        return Files.createFile(target.resolveSibling(name));
      } catch (NoSuchFileException e) {
        if (attempt >= DIRECTORY_RACE_RETRIES) {
          throw e;
        }
      } catch (FileAlreadyExistsException | NotDirectoryException e) {
        throw new ObjectStoreException("cannot store " + ObjectKeys.printable(key) + " in " + describe()
            + ": a parent of it is an object, not a folder (" + root.relativize(target.getParent()) + ")", e);
      }
    }
  }

  /** Copies the caller's stream; a failure to read it is the caller's problem, and the message says so. */
  private long copy(InputStream in, OutputStream out, String key) throws IOException {
    byte[] buffer = new byte[COPY_BUFFER];
    long total = 0;
    while (true) {
      int n;
      try {
        n = in.read(buffer);
      } catch (IOException e) {
        throw new ObjectStoreException("reading the content for " + ObjectKeys.printable(key) + " failed after "
            + total + " bytes (" + e.getMessage() + "); nothing was stored in " + describe(), e);
      }
      if (n < 0) {
        break;
      }
      out.write(buffer, 0, n);
      total += n;
    }
    out.flush();
    return total;
  }

  /** Makes the rename itself durable; some filesystems cannot sync a directory, which is not worth failing for. */
  private static void fsyncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // best effort
    }
  }

  private void pruneEmptyParents(Path dir) {
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

  private static boolean isTemp(Path file) {
    return isTempName(file.getFileName().toString());
  }

  private static boolean isTempName(String name) {
    return name.endsWith(TEMP_SUFFIX);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover temp file is invisible to readers; nothing more to do
    }
  }

  private ObjectNotFoundException notFound(String key) {
    return new ObjectNotFoundException("object " + ObjectKeys.printable(key) + " does not exist in " + describe());
  }

  private ObjectStoreException failure(String doing, String key, IOException e) {
    String what = doing + " " + ObjectKeys.printable(key) + " in " + describe() + " failed: ";
    if (e instanceof AccessDeniedException) {
      return new ObjectStoreException(what + "permission denied on " + e.getMessage()
          + "; make the directory writable by Ferry's user", e);
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null
        && fse.getReason().toLowerCase().contains("no space")) {
      return new ObjectStoreException(what + "the filesystem is full; free space or grow the volume", e);
    }
    if (e instanceof NoSuchFileException && !Files.isDirectory(root)) {
      return new ObjectStoreException(what + "the repository directory has disappeared; recreate it", e);
    }
    return new ObjectStoreException(what + e, e);
  }
}
