package dev.ferry.backup.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Extracts a Velero-format backup tarball (Ferry's or real Velero's) into an empty directory,
 * refusing anything that could write outside it or that is not plain files and directories:
 * absolute paths, {@code ..} escapes, symlinks, hard links, devices and FIFOs. Corrupt or truncated
 * input, a missing {@code metadata/version} and oversized content are {@link BackupFormatException}s
 * naming the entry. Local filesystem failures stay {@link IOException}s.
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
    Path root = prepareTarget(targetDir);
    GzipCompressorInputStream gzip = openGzip(gz);
    TarArchiveInputStream tar = new TarArchiveInputStream(gzip, StandardCharsets.UTF_8.name());
    String version = null;
    String last = null;
    long total = 0;
    int count = 0;
    while (true) {
      TarArchiveEntry entry = nextEntry(tar, last, count);
      if (entry == null) {
        break;
      }
      String name = entry.getName();
      if (++count > limits.maxEntries()) {
        throw new BackupFormatException("backup tarball has, at entry " + name + ", more entries than "
            + BackupLimits.refusal(BackupLimits.ENTRIES, limits.maxEntries(), ""));
      }
      Path target = safeTarget(root, name);
      String relative = relative(root, target);
      if (isDirectory(entry)) {
        createDirectories(root, target, name);
      } else if (target.equals(root)) {
        throw unsafe(name, "names the extraction directory itself");
      } else if (isRegularFile(entry)) {
        createDirectories(root, target.getParent(), name);
        if (entry.getSize() > limits.maxItemBytes()) {
          throw itemTooBig(name);
        }
        if (entry.getSize() > limits.maxExtractedBytes() - total) {
          throw tooBig(name);
        }
        if (relative.equals(TarballPaths.METADATA_VERSION)) {
          byte[] data = readSmall(tar, name);
          version = new String(data, StandardCharsets.UTF_8).trim();
          total += data.length;
          write(target, data);
        } else {
          total += copy(tar, target, name, limits.maxExtractedBytes() - total);
        }
      } else {
        throw new BackupFormatException("backup tarball entry " + name + " is a "
            + typeName(entry) + "; only regular files and directories are allowed");
      }
      last = name;
    }
    drainGzip(gzip, last);
    checkVersion(version);
    return ExtractedBackup.open(root, version, limits);
  }

  private static Path prepareTarget(Path targetDir) throws IOException {
    Path root = targetDir.toAbsolutePath().normalize();
    Files.createDirectories(root);
    try (Stream<Path> children = Files.list(root)) {
      if (children.findAny().isPresent()) {
        throw new IllegalArgumentException("extraction directory is not empty: " + root);
      }
    }
    // Resolve symlinks in the target itself once, so containment checks compare real paths.
    return root.toRealPath();
  }

  private static GzipCompressorInputStream openGzip(InputStream gz) {
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
  private static void drainGzip(GzipCompressorInputStream gzip, String last) {
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
  private static TarArchiveEntry nextEntry(TarArchiveInputStream tar, String last, int count) {
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

  /**
   * The entry's destination, refused if it is absolute or normalizes to outside {@code root}
   * ({@code ./} itself is allowed: GNU tar adds it when repacking a directory).
   */
  private static Path safeTarget(Path root, String name) {
    if (name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0
        || (name.length() > 1 && name.charAt(1) == ':')) {
      throw unsafe(name, "is an absolute or non-portable path");
    }
    Path target;
    try {
      target = root.resolve(name).normalize();
    } catch (InvalidPathException e) {
      throw unsafe(name, "is not a valid path");
    }
    if (!target.startsWith(root)) {
      throw unsafe(name, "escapes the extraction directory");
    }
    return target;
  }

  private static boolean isDirectory(TarArchiveEntry entry) {
    byte flag = entry.getLinkFlag();
    return flag == TarConstants.LF_DIR
        || (flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM)
        && entry.getName().endsWith("/");
  }

  private static boolean isRegularFile(TarArchiveEntry entry) {
    byte flag = entry.getLinkFlag();
    return (flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM
        || flag == TarConstants.LF_CONTIG) && !entry.isSymbolicLink() && !entry.isLink();
  }

  private static String typeName(TarArchiveEntry entry) {
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

  /** A file where a directory is needed means the archive contradicts itself. */
  private static void createDirectories(Path root, Path dir, String name) throws IOException {
    try {
      Files.createDirectories(dir);
    } catch (java.nio.file.FileSystemException e) {
      for (Path p = dir; p != null && p.startsWith(root); p = p.getParent()) {
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)
            && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          throw new BackupFormatException("backup tarball entry " + name
              + " conflicts with an earlier entry: " + root.relativize(p)
              + " is a file, not a directory", e);
        }
      }
      throw e;
    }
  }

  private long copy(TarArchiveInputStream tar, Path target, String name, long budget)
      throws IOException {
    byte[] buf = new byte[64 * 1024];
    long n = 0;
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      while (true) {
        int r = read(tar, buf, name);
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
      int r = read(tar, buf, n, buf.length - n, name);
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

  private static int read(TarArchiveInputStream tar, byte[] buf, String name) {
    return read(tar, buf, 0, buf.length, name);
  }

  private static int read(TarArchiveInputStream tar, byte[] buf, int off, int len, String name) {
    try {
      return tar.read(buf, off, len);
    } catch (IOException | RuntimeException e) {
      throw corrupt(name, e);
    }
  }

  private static void write(Path target, byte[] data) throws IOException {
    Files.write(target, data, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
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

  private static String relative(Path root, Path target) {
    return root.relativize(target).toString().replace(java.io.File.separatorChar, '/');
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

  private static BackupFormatException unsafe(String name, String why) {
    return new BackupFormatException("backup tarball entry " + name + " " + why
        + "; refusing to extract it");
  }

  private BackupFormatException tooBig(String name) {
    return new BackupFormatException("backup tarball exceeds, at entry " + name + ", "
        + BackupLimits.refusal(BackupLimits.EXTRACTED, limits.maxExtractedBytes(), "bytes"));
  }

  private BackupFormatException itemTooBig(String name) {
    return new BackupFormatException("backup tarball entry " + name + " is larger than "
        + BackupLimits.refusal(BackupLimits.ITEM, limits.maxItemBytes(), "bytes"));
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
