package dev.ferry.volumes.fs;

import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * One entry of a volume's file tree, everything needed to recreate it elsewhere.
 *
 * @param path relative to the tree's root, '/'-separated, never empty (the root itself is not an entry)
 * @param kind file, directory or symlink
 * @param size content length of a regular file; 0 for directories and symlinks (their sizes
 *     are filesystem-specific and not data)
 * @param mode permission bits including setuid/setgid/sticky (mask 07777)
 * @param uid owner user id
 * @param gid owner group id
 * @param mtime last modification time, full precision
 * @param linkTarget the symlink's target as stored (not resolved); null for other kinds
 * @param hardLinkOf for a regular file that shares its inode with an earlier entry (in scan
 *     order), that entry's path; null otherwise
 */
public record FileEntry(String path, FileKind kind, long size, int mode, int uid, int gid,
    FileTime mtime, String linkTarget, String hardLinkOf) {

  public FileEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(mtime, "mtime");
    if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
      throw new IllegalArgumentException("entry path must be relative and non-empty: '" + path + "'");
    }
    if (kind == FileKind.SYMLINK && linkTarget == null) {
      throw new IllegalArgumentException(path + ": a symlink needs a link target");
    }
  }

  public boolean isFile() {
    return kind == FileKind.FILE;
  }

  public boolean isDirectory() {
    return kind == FileKind.DIRECTORY;
  }

  public boolean isSymlink() {
    return kind == FileKind.SYMLINK;
  }

  /** A regular file whose content is its own (not a second name of an earlier entry's inode). */
  public boolean hasOwnContent() {
    return kind == FileKind.FILE && hardLinkOf == null;
  }

  /** Same entry with a different modification time (used by tests and the receiver's bookkeeping). */
  public FileEntry withMtime(FileTime newMtime) {
    return new FileEntry(path, kind, size, mode, uid, gid, newMtime, linkTarget, hardLinkOf);
  }
}
