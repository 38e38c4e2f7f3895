package dev.ferry.backup.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Crafts arbitrary (including hostile) gzipped tarballs for reader tests. */
final class RawTarball {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar;

  RawTarball() {
    try {
      tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes));
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A tarball that starts like a real one: with metadata/version. */
  static RawTarball velero() {
    return new RawTarball().file("metadata/version", "1.1.0\n");
  }

  RawTarball file(String name, String content) {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    // preserveAbsolutePath=true: keep "/abs" and "../x" names exactly as given.
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.setSize(data.length);
    return put(entry, data);
  }

  RawTarball dir(String name) {
    return put(new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true), new byte[0]);
  }

  RawTarball symlink(String name, String target) {
    TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
    entry.setLinkName(target);
    return put(entry, new byte[0]);
  }

  RawTarball hardlink(String name, String target) {
    TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
    entry.setLinkName(target);
    return put(entry, new byte[0]);
  }

  RawTarball fifo(String name) {
    return put(new TarArchiveEntry(name, TarConstants.LF_FIFO, true), new byte[0]);
  }

  private RawTarball put(TarArchiveEntry entry, byte[] data) {
    try {
      tar.putArchiveEntry(entry);
      tar.write(data);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  byte[] bytes() {
    try {
      tar.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
