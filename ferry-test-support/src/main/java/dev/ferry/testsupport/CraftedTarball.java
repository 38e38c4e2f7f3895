package dev.ferry.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Writes gzipped tarballs with exactly the entries a test names — a Velero backup's layout or a
 * hostile one (absolute and {@code ../} names, links, FIFOs): a backup is untrusted input, and the
 * reader and the restore are tested against what someone with write access to the bucket could put.
 */
public final class CraftedTarball {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar;

  /** An empty tarball, not even {@code metadata/version}. */
  public CraftedTarball() {
    try {
      tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes));
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A tarball that starts like Velero's: with {@code metadata/version} 1.1.0. */
  public static CraftedTarball velero() {
    return new CraftedTarball().file("metadata/version", "1.1.0\n");
  }

  /** A regular file; the name is kept exactly as given ("/abs", "../x" included). */
  public CraftedTarball file(String name, String content) {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    // preserveAbsolutePath=true: keep "/abs" and "../x" names exactly as given.
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.setSize(data.length);
    return put(entry, data);
  }

  public CraftedTarball dir(String name) {
    return put(new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true), new byte[0]);
  }

  public CraftedTarball symlink(String name, String target) {
    TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
    entry.setLinkName(target);
    return put(entry, new byte[0]);
  }

  public CraftedTarball hardlink(String name, String target) {
    TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
    entry.setLinkName(target);
    return put(entry, new byte[0]);
  }

  public CraftedTarball fifo(String name) {
    return put(new TarArchiveEntry(name, TarConstants.LF_FIFO, true), new byte[0]);
  }

  private CraftedTarball put(TarArchiveEntry entry, byte[] data) {
    try {
      tar.putArchiveEntry(entry);
      tar.write(data);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Closes the archive and returns its gzipped bytes. */
  public byte[] bytes() {
    try {
      tar.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
