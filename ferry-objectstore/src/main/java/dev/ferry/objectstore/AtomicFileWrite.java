package dev.ferry.objectstore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * A put into the filesystem repository: a hidden temp file next to its target, written, fsynced
 * and renamed into place atomically (then the directory fsynced), so readers — and a controller
 * restarted after a crash — see either the old object or the complete new one, never a partial one.
 */
final class AtomicFileWrite {
  private static final int COPY_BUFFER = 256 * 1024;
  /** A concurrent delete may prune the directory a put just created; a few retries make that race harmless. */
  private static final int DIRECTORY_RACE_RETRIES = 5;

  private AtomicFileWrite() {
  }

  /** Stores {@code content} as {@code target} (the file of {@code key} in {@code tree}). */
  static void write(FilesystemTree tree, Path target, String key, InputStream content, long length)
      throws IOException {
    Path temp = null;
    try {
      temp = createTempNextTo(tree, target, key);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        long written = copy(content, Channels.newOutputStream(channel), key, tree.describe());
        UploadContent.checkLength(length, written, key, tree.describe());
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      fsyncDirectory(target.getParent());
    } finally {
      if (temp != null) {
        deleteQuietly(temp);
      }
    }
  }

  private static Path createTempNextTo(FilesystemTree tree, Path target, String key) throws IOException {
    String name = "." + target.getFileName() + "." + UUID.randomUUID() + FilesystemTree.TEMP_SUFFIX;
    for (int attempt = 1; ; attempt++) {
      try {
        Files.createDirectories(target.getParent());
        return Files.createFile(target.resolveSibling(name));
      } catch (NoSuchFileException e) {
        if (attempt >= DIRECTORY_RACE_RETRIES) {
          throw e;
        }
      } catch (FileAlreadyExistsException | NotDirectoryException e) {
        throw new ObjectStoreException("cannot store " + ObjectKeys.printable(key) + " in " + tree.describe()
            + ": a parent of it is an object, not a folder (" + tree.root().relativize(target.getParent()) + ")", e);
      }
    }
  }

  /** Copies the caller's stream; a failure to read it is the caller's problem, and the message says so. */
  private static long copy(InputStream in, OutputStream out, String key, String store) throws IOException {
    byte[] buffer = new byte[COPY_BUFFER];
    long total = 0;
    while (true) {
      int n;
      try {
        n = in.read(buffer);
      } catch (IOException e) {
        throw UploadContent.unreadable(key, store, total, e);
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

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover temp file is invisible to readers; nothing more to do
    }
  }
}
