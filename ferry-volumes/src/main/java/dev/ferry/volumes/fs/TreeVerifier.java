package dev.ferry.volumes.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Proves a destination tree is a faithful copy of a source tree: same entries, kinds, sizes,
 * modes, owners, mtimes, symlink targets, hard-link structure, and SHA-256 of every regular
 * file's content. Anything extra on the destination is a mismatch too.
 */
public final class TreeVerifier {
  private static final int BUFFER = 1 << 20;

  private TreeVerifier() {
  }

  public static VerificationReport verify(Path source, Path destination) throws IOException, VolumeMismatchException {
    List<FileEntry> src = TreeScanner.scan(source);
    List<FileEntry> dst = TreeScanner.scan(destination);
    Map<String, FileEntry> dstByPath = new LinkedHashMap<>();
    for (FileEntry e : dst) {
      dstByPath.put(e.path(), e);
    }
    List<String> mismatches = new ArrayList<>();
    List<FileEntry> toHash = new ArrayList<>();
    for (FileEntry s : src) {
      FileEntry d = dstByPath.remove(s.path());
      if (d == null) {
        mismatches.add(s.path() + ": missing on destination");
        continue;
      }
      int before = mismatches.size();
      compareMetadata(s, d, mismatches);
      if (mismatches.size() == before && s.hasOwnContent()) {
        toHash.add(s);
      }
    }
    for (FileEntry extra : dstByPath.values()) {
      mismatches.add(extra.path() + ": extra on destination (" + extra.kind().name().toLowerCase() + " not in source)");
    }
    long bytes = 0;
    List<String> contentMismatches = compareContent(source, destination, toHash);
    mismatches.addAll(contentMismatches);
    for (FileEntry e : toHash) {
      bytes += e.size();
    }
    if (!mismatches.isEmpty()) {
      throw new VolumeMismatchException(mismatches);
    }
    return new VerificationReport(src.size(), toHash.size(), bytes);
  }

  /**
   * Adds one line to {@code out} per metadata difference of {@code d} from {@code s} (same path):
   * kind, size, mode, owner, mtime, link target, hard-link structure. Shared with the repository's
   * snapshot verifier so both name differences alike.
   */
  public static void compareMetadata(FileEntry s, FileEntry d, List<String> out) {
    String p = s.path();
    if (s.kind() != d.kind()) {
      out.add(p + ": kind differs (" + s.kind() + " vs " + d.kind() + ")");
      return;
    }
    if (s.size() != d.size()) {
      out.add(p + ": size differs (" + s.size() + " vs " + d.size() + " bytes)");
    }
    if (!s.isSymlink() && s.mode() != d.mode()) {
      out.add(p + ": mode differs (0" + Integer.toOctalString(s.mode()) + " vs 0" + Integer.toOctalString(d.mode()) + ")");
    }
    if (s.uid() != d.uid() || s.gid() != d.gid()) {
      out.add(p + ": owner differs (" + s.uid() + ":" + s.gid() + " vs " + d.uid() + ":" + d.gid() + ")");
    }
    if (!sameMtime(s, d)) {
      out.add(p + ": mtime differs (" + s.mtime() + " vs " + d.mtime() + ")");
    }
    if (!Objects.equals(s.linkTarget(), d.linkTarget())) {
      out.add(p + ": link target differs (" + s.linkTarget() + " vs " + d.linkTarget() + ")");
    }
    if (!Objects.equals(s.hardLinkOf(), d.hardLinkOf())) {
      out.add(p + ": hard link differs (" + describeLink(s) + " vs " + describeLink(d) + ")");
    }
  }

  /**
   * Exact, except symlinks to the microsecond: the JDK can only set a link's own time with
   * lutimes(2), which has microsecond resolution.
   */
  private static boolean sameMtime(FileEntry s, FileEntry d) {
    if (s.isSymlink()) {
      return s.mtime().to(TimeUnit.MICROSECONDS) == d.mtime().to(TimeUnit.MICROSECONDS);
    }
    return s.mtime().equals(d.mtime());
  }

  private static String describeLink(FileEntry e) {
    return e.hardLinkOf() == null ? "own inode" : "same inode as " + e.hardLinkOf();
  }

  /** Hashes both sides in parallel; returns one line per differing file, in path order. */
  private static List<String> compareContent(Path source, Path destination, List<FileEntry> files) throws IOException {
    try {
      return files.parallelStream().map(e -> {
        try {
          String a = sha256(source.resolve(e.path()));
          String b = sha256(destination.resolve(e.path()));
          return a.equals(b) ? null
              : e.path() + ": content differs (sha256 " + a.substring(0, 12) + "… vs " + b.substring(0, 12) + "…)";
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
      }).filter(Objects::nonNull).toList();
    } catch (UncheckedIOException ex) {
      throw ex.getCause();
    }
  }

  /** Hex SHA-256 of a file's content (holes read as zeros). */
  public static String sha256(Path file) throws IOException {
    MessageDigest md = newSha256();
    ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      while (ch.read(buf) >= 0) {
        buf.flip();
        md.update(buf);
        buf.clear();
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
