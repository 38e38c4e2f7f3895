package dev.ferry.backup.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reading an untrusted gzipped tar stream: every read failure, bad header checksum or damaged
 * gzip trailer becomes a {@link BackupFormatException} that names the entry where it happened,
 * and entries are classified (directory, regular file, or something refused) without trusting
 * their names.
 */
final class TarInput {
  private TarInput() {
  }

  /** Gzip over {@code gz}, which stays open: the caller owns it (e.g. an object-store download). */
  static GzipCompressorInputStream openGzip(InputStream gz) {
    try {
      return new GzipCompressorInputStream(
          new BufferedInputStream(new NonClosing(gz), 64 * 1024), true);
    } catch (IOException e) {
      throw new BackupFormatException("backup tarball is not gzip data: " + describe(e), e);
    }
  }

  /**
   * Reads what follows the tar end marker to the end of the gzip stream, so its CRC and length
   * trailer are checked: a tar reader stops early and would not notice a damaged tail.
   */
  static void drainGzip(GzipCompressorInputStream gzip, String last) {
    byte[] buf = new byte[8192];
    long trailing = 0;
    try {
      int n;
      while ((n = gzip.read(buf)) >= 0) {
        trailing += n;
        if (trailing > 1024 * 1024) {
          throw new BackupFormatException("backup tarball has unexpected data after its end "
              + "(after entry " + last + ")");
        }
      }
    } catch (IOException e) {
      throw corrupt("end (after " + last + ")", e);
    }
  }

  /** The next entry, refusing headers that fail their checksum (as Go's archive/tar does). */
  static TarArchiveEntry nextEntry(TarArchiveInputStream tar, String last, int count) {
    String where = last == null ? "#1 (the first)" : "#" + (count + 1) + " (after " + last + ")";
    TarArchiveEntry entry;
    try {
      entry = tar.getNextEntry();
    } catch (IOException | RuntimeException e) {
      throw corrupt(where, e);
    }
    if (entry != null && (!entry.isCheckSumOK() || entry.getName().isEmpty())) {
      throw new BackupFormatException("backup tarball is corrupt or truncated at entry " + where
          + ": invalid tar header" + (entry.getName().isEmpty() ? "" : " '" + entry.getName() + "'"));
    }
    return entry;
  }

  static boolean isDirectory(TarArchiveEntry entry) {
    byte flag = entry.getLinkFlag();
    return flag == TarConstants.LF_DIR
        || (flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM)
        && entry.getName().endsWith("/");
  }

  static boolean isRegularFile(TarArchiveEntry entry) {
    byte flag = entry.getLinkFlag();
    return (flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM
        || flag == TarConstants.LF_CONTIG) && !entry.isSymbolicLink() && !entry.isLink();
  }

  static String typeName(TarArchiveEntry entry) {
    if (entry.isSymbolicLink()) {
      return "symbolic link (to " + entry.getLinkName() + ")";
    }
    if (entry.isLink()) {
      return "hard link (to " + entry.getLinkName() + ")";
    }
    if (entry.isCharacterDevice() || entry.isBlockDevice()) {
      return "device";
    }
    if (entry.isFIFO()) {
      return "FIFO";
    }
    return "entry of type '" + (char) entry.getLinkFlag() + "'";
  }

  /** Reads the current entry's content; a failure is corruption at entry {@code name}. */
  static int read(TarArchiveInputStream tar, byte[] buf, int off, int len, String name) {
    try {
      return tar.read(buf, off, len);
    } catch (IOException | RuntimeException e) {
      throw corrupt(name, e);
    }
  }

  private static BackupFormatException corrupt(String where, Exception e) {
    return new BackupFormatException("backup tarball is corrupt or truncated at entry " + where
        + ": " + describe(e), e);
  }

  /** EOFException and friends often carry no message; say what they mean instead of "null". */
  private static String describe(Exception e) {
    if (e instanceof java.io.EOFException && e.getMessage() == null) {
      return "unexpected end of data";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The caller owns the input stream (e.g. an object-store download) and closes it. */
  private static final class NonClosing extends java.io.FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
    }
  }
}
