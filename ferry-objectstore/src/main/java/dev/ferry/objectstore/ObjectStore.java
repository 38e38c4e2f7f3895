package dev.ferry.objectstore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The replication repository: a flat key space of immutable objects ("backups/b1/b1.tar.gz").
 * Implementations: local filesystem (Ferry's embedded default), S3, Azure Blob and Google Cloud
 * Storage; one contract test suite ({@code ObjectStoreContract}) holds them to the same behaviour.
 * Every failure is an {@link ObjectStoreException} whose message names the store and the key and
 * says what to do.
 */
public interface ObjectStore extends AutoCloseable {

  /** Stores {@code content} under {@code key}, replacing any object there. Readers never see a partial object. */
  void put(String key, InputStream content, long length);

  default void put(String key, byte[] content) {
    put(key, new ByteArrayInputStream(content), content.length);
  }

  /** Stores the file's content under {@code key}; stores may retry a file where they cannot retry a stream. */
  default void put(String key, java.nio.file.Path file) {
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      put(key, in, java.nio.file.Files.size(file));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file + " to store it as " + key, e);
    }
  }

  /** A stream of the object; the caller closes it. Throws {@link ObjectNotFoundException} if absent. */
  InputStream get(String key);

  /**
   * A stream of at most {@code length} bytes of the object from {@code offset} on: fewer where the
   * object ends first, none from or past its end. Throws {@link ObjectNotFoundException} if absent.
   */
  default InputStream get(String key, long offset, long length) {
    // Fallback for stores without native range requests: read and skip. The four stores here override it.
    ObjectKeys.requireValidRange(offset, length);
    InputStream in = get(key);
    try {
      in.skipNBytes(offset);
      return new BoundedInputStream(in, length);
    } catch (IOException e) {
      try {
        in.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof java.io.EOFException) {
        return InputStream.nullInputStream(); // the range starts past the end
      }
      throw new UncheckedIOException("skipping to byte " + offset + " of " + key + " in " + describe(), e);
    }
  }

  default byte[] getBytes(String key) {
    try (InputStream in = get(key)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + key + " from " + describe(), e);
    }
  }

  boolean exists(String key);

  /** Keys starting with {@code prefix}, in lexicographic order. */
  List<String> list(String prefix);

  /** Deletes the object; deleting an absent key is not an error. */
  void delete(String key);

  /** A human description for messages, e.g. {@code s3://bucket/prefix (http://127.0.0.1:9000)}; no secrets. */
  String describe();

  @Override
  void close();
}
