package dev.ferry.objectstore;

import dev.ferry.objectstore.ObjectStoreException.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;


/**
 * The replication repository as a directory tree: key {@code backups/b1/b1.tar.gz} is the file
 * {@code <root>/backups/b1/b1.tar.gz}. Ferry's embedded default, and what the data movers share
 * through a volume.
 *
 * <p>A put writes a hidden temp file next to its target, fsyncs it and renames it into place
 * atomically ({@link AtomicFileWrite}), so readers (and a restarted controller after a crash) see
 * either the old object or the complete new one, never a partial one. Leftover temp files from a
 * crash are invisible to {@link #list} and {@link #exists} ({@link FilesystemTree}).
 */
public final class FilesystemObjectStore implements ObjectStore {
  /** Temp files are ".<name>.<uuid>.ferry-tmp"; valid keys may not end like that, so they never collide. */
  static final String TEMP_SUFFIX = FilesystemTree.TEMP_SUFFIX;

  private final Path root;
  private final FilesystemTree tree;

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
    this.tree = new FilesystemTree(this.root);
  }

  public Path root() {
    return root;
  }

  @Override
  public void put(String key, InputStream content, long length) {
    Path target = resolve(key);
    try {
      AtomicFileWrite.write(tree, target, key, content, length);
    } catch (IOException e) {
      throw failure("writing", key, e);
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
    List<String> keys;
    try {
      keys = new ArrayList<>(tree.keys(valid));
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
    tree.pruneEmptyParents(file.getParent());
  }

  @Override
  public String describe() {
    return tree.describe();
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
    return tree.resolve(key);
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
