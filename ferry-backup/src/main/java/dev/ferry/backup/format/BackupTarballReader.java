package dev.ferry.backup.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Extracts a Velero-format backup tarball (Ferry's or real Velero's) into an empty directory,
 * refusing anything that could write outside it or that is not plain files and directories:
 * absolute paths, {@code ..} escapes, symlinks, hard links, devices and FIFOs. Corrupt or truncated
 * input, a missing {@code metadata/version} and oversized content are {@link BackupFormatException}s
 * naming the entry. Local filesystem failures stay {@link IOException}s. The stream is read by
 * {@link TarInput}; what an entry may create is {@link ExtractionRoot}'s to decide.
 */
public final class BackupTarballReader {

  /** Default cap on extracted bytes: far above any real resource backup, far below a gzip bomb. */
  public static final long DEFAULT_MAX_TOTAL_BYTES = BackupLimits.DEFAULT_MAX_EXTRACTED_BYTES;
  /** Default cap on entries (each becomes a file): a backup has two per item. */
  public static final int DEFAULT_MAX_ENTRIES = BackupLimits.DEFAULT_MAX_ENTRIES;

  private static final int MAX_VERSION_FILE = 64;

  private final BackupLimits limits;

  public BackupTarballReader() {
    this(BackupLimits.defaults());
  }

  public BackupTarballReader(long maxTotalBytes) {
    this(new BackupLimits(maxTotalBytes, DEFAULT_MAX_ENTRIES, BackupLimits.DEFAULT_MAX_ITEM_BYTES,
        BackupLimits.DEFAULT_MAX_JSON_DEPTH, BackupLimits.DEFAULT_MAX_STRING_LENGTH));
  }

  public BackupTarballReader(BackupLimits limits) {
    this.limits = limits;
  }

  /**
   * Extracts {@code gz} (not closed here) into {@code targetDir}, which must be empty or absent.
   */
  public ExtractedBackup extract(InputStream gz, Path targetDir) throws IOException {
    ExtractionRoot root = ExtractionRoot.prepare(targetDir);
    GzipCompressorInputStream gzip = TarInput.openGzip(gz);
    TarArchiveInputStream tar = new TarArchiveInputStream(gzip, StandardCharsets.UTF_8.name());
    String version = null;
    String last = null;
    long total = 0;
    int count = 0;
    while (true) {
      TarArchiveEntry entry = TarInput.nextEntry(tar, last, count);
      if (entry == null) {
        break;
      }
      String name = entry.getName();
      if (++count > limits.maxEntries()) {
        throw new BackupFormatException("backup tarball has, at entry " + name + ", more entries than "
            + BackupLimits.refusal(BackupLimits.ENTRIES, limits.maxEntries(), ""));
      }
      Path target = root.target(name);
      if (TarInput.isDirectory(entry)) {
        root.createDirectories(target, name);
      } else if (target.equals(root.path())) {
        throw ExtractionRoot.unsafe(name, "names the extraction directory itself");
      } else if (TarInput.isRegularFile(entry)) {
        root.createDirectories(target.getParent(), name);
        if (entry.getSize() > limits.maxItemBytes()) {
          throw itemTooBig(name);
        }
        if (entry.getSize() > limits.maxExtractedBytes() - total) {
          throw tooBig(name);
        }
        if (root.relative(target).equals(TarballPaths.METADATA_VERSION)) {
          byte[] data = readSmall(tar, name);
          version = new String(data, StandardCharsets.UTF_8).trim();
          total += data.length;
          ExtractionRoot.write(target, data);
        } else {
          total += copy(tar, target, name, limits.maxExtractedBytes() - total);
        }
      } else {
        throw new BackupFormatException("backup tarball entry " + name + " is a "
            + TarInput.typeName(entry) + "; only regular files and directories are allowed");
      }
      last = name;
    }
    TarInput.drainGzip(gzip, last);
    checkVersion(version);
    return ExtractedBackup.open(root.path(), version, limits);
  }

  private long copy(TarArchiveInputStream tar, Path target, String name, long budget)
      throws IOException {
    byte[] buf = new byte[64 * 1024];
    long n = 0;
    try (OutputStream out = ExtractionRoot.create(target)) {
      while (true) {
        int r = TarInput.read(tar, buf, 0, buf.length, name);
        if (r < 0) {
          return n;
        }
        n += r;
        if (n > limits.maxItemBytes()) {
          throw itemTooBig(name);
        }
        if (n > budget) {
          throw tooBig(name);
        }
        out.write(buf, 0, r);
      }
    }
  }

  private static byte[] readSmall(TarArchiveInputStream tar, String name) {
    byte[] buf = new byte[MAX_VERSION_FILE + 1];
    int n = 0;
    while (n < buf.length) {
      int r = TarInput.read(tar, buf, n, buf.length - n, name);
      if (r < 0) {
        break;
      }
      n += r;
    }
    if (n > MAX_VERSION_FILE) {
      throw new BackupFormatException("backup tarball entry " + name + " is too large to be a "
          + "format version");
    }
    return java.util.Arrays.copyOf(buf, n);
  }

  /** Velero 1.4+ writes "1.1.0"; older releases wrote "1". Another major is a format we don't know. */
  private static void checkVersion(String version) {
    if (version == null) {
      throw new BackupFormatException("backup tarball has no " + TarballPaths.METADATA_VERSION
          + " entry; it is not a Velero backup (or is incomplete)");
    }
    if (!version.equals("1") && !version.startsWith("1.")) {
      throw new BackupFormatException("backup tarball has format version '" + version
          + "'; only 1.x is supported");
    }
  }

  private BackupFormatException tooBig(String name) {
    return new BackupFormatException("backup tarball exceeds, at entry " + name + ", "
        + BackupLimits.refusal(BackupLimits.EXTRACTED, limits.maxExtractedBytes(), "bytes"));
  }

  private BackupFormatException itemTooBig(String name) {
    return new BackupFormatException("backup tarball entry " + name + " is larger than "
        + BackupLimits.refusal(BackupLimits.ITEM, limits.maxItemBytes(), "bytes"));
  }
}
