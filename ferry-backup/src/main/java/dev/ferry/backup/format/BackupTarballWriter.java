package dev.ferry.backup.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.model.ItemKey;
import dev.ferry.backup.model.Json;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Streams a Velero-format backup tarball ({@code <backup>.tar.gz}): {@code metadata/version} first,
 * then each item both at its plain path and under {@code <version>-preferredversion/}, exactly as
 * Velero's item backupper writes a preferred-version item. Items go straight to the gzip stream, so
 * memory stays flat however many there are. Also collects the {@link ResourceListFile}.
 *
 * <p>Closing finishes the archive and closes the underlying stream. Thread-safe.
 */
public final class BackupTarballWriter implements Closeable {

  /** Velero's BackupFormatVersion; the file holds it followed by a newline, as Velero writes. */
  public static final String FORMAT_VERSION = "1.1.0";

  private static final int FILE_MODE = 0100644;

  private final TarArchiveOutputStream tar;
  private final Clock clock;
  private final ResourceListFile resourceList = new ResourceListFile();
  // Entry names already written: Velero's BackedUpItems guard, so an item reached twice (e.g. a PV
  // both listed and pulled in by its claim) is stored once.
  private final Set<String> written = new HashSet<>();
  private int items;
  private boolean closed;

  public BackupTarballWriter(OutputStream out) throws IOException {
    this(out, Clock.systemUTC());
  }

  public BackupTarballWriter(OutputStream out, Clock clock) throws IOException {
    Objects.requireNonNull(out, "out");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tar = new TarArchiveOutputStream(
        new GzipCompressorOutputStream(new BufferedOutputStream(out, 64 * 1024)),
        StandardCharsets.UTF_8.name());
    // Object names can exceed ustar's 100-char limit; PAX headers are what Go's archive/tar writes
    // and reads for that.
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
    writeEntry(TarballPaths.METADATA_VERSION,
        (FORMAT_VERSION + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Adds one item given as its JSON bytes (which must carry {@code apiVersion} and {@code kind}:
   * Velero's restore cannot decode an object without them).
   *
   * @return false if this item was already in the tarball (nothing written)
   * @throws IllegalArgumentException if the JSON lacks apiVersion/kind, or its version
   *     contradicts {@code key.version()}
   */
  public synchronized boolean add(ItemKey key, byte[] json) throws IOException {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(json, "json");
    ensureOpen();
    TypeInfo type = TypeInfo.of(json, key);
    String version = type.version();
    if (key.version() != null && !key.version().equals(version)) {
      throw new IllegalArgumentException("item " + key + " is declared at version "
          + key.version() + " but its JSON says apiVersion " + type.apiVersion());
    }
    String plain = TarballPaths.plain(key);
    if (!written.add(plain)) {
      return false;
    }
    writeEntry(plain, json);
    writeEntry(TarballPaths.preferred(key, version), json);
    resourceList.add(type.apiVersion(), type.kind(), key.namespace(), key.name());
    items++;
    return true;
  }

  /** Adds one item given as a JSON object. */
  public boolean add(ItemKey key, ObjectNode object) throws IOException {
    return add(key, Json.bytes(object));
  }

  /** What has been added so far, for {@code <backup>-resource-list.json.gz}. */
  public ResourceListFile resourceList() {
    return resourceList;
  }

  public synchronized int itemCount() {
    return items;
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      tar.finish();
    } finally {
      tar.close();
    }
  }

  private void writeEntry(String name, byte[] data) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setMode(FILE_MODE);
    entry.setSize(data.length);
    entry.setModTime(clock.instant().toEpochMilli());
    tar.putArchiveEntry(entry);
    tar.write(data);
    tar.closeArchiveEntry();
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("backup tarball writer is closed");
    }
  }

  /** Top-level apiVersion and kind, read with a streaming parser (no tree for big objects). */
  private record TypeInfo(String apiVersion, String kind) {

    String version() {
      return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    static TypeInfo of(byte[] json, ItemKey key) throws IOException {
      String apiVersion = null;
      String kind = null;
      try (JsonParser p = Json.MAPPER.getFactory().createParser(json)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new IllegalArgumentException("item " + key + " is not a JSON object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken value = p.nextToken();
          if (value == JsonToken.VALUE_STRING && "apiVersion".equals(field)) {
            apiVersion = p.getText();
          } else if (value == JsonToken.VALUE_STRING && "kind".equals(field)) {
            kind = p.getText();
          } else {
            p.skipChildren();
          }
          if (apiVersion != null && kind != null) {
            break;
          }
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException("item " + key + " is not valid JSON: "
            + e.getOriginalMessage(), e);
      }
      if (apiVersion == null || apiVersion.isEmpty() || kind == null || kind.isEmpty()) {
        throw new IllegalArgumentException("item " + key
            + " has no apiVersion/kind; Velero cannot restore such an object");
      }
      return new TypeInfo(apiVersion, kind);
    }
  }
}
