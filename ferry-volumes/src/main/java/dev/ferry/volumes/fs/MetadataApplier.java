package dev.ferry.volumes.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.util.List;

/**
 * Gives entries that already exist under a root their owner, mode and modification time.
 * Owner goes first because chown clears setuid/setgid; symlinks get lchown semantics and
 * their own mtime (microsecond resolution: lutimes), never their target's; their mode is fixed (0777) on Linux and is left alone.
 */
public final class MetadataApplier {
  private MetadataApplier() {
  }

  public static void apply(Path root, FileEntry e) throws IOException {
    if (e.hardLinkOf() != null) {
      return; // shares the leader's inode, whose metadata is applied once
    }
    Path p = root.resolve(e.path());
    try {
      Files.setAttribute(p, "unix:uid", e.uid(), LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(p, "unix:gid", e.gid(), LinkOption.NOFOLLOW_LINKS);
      if (!e.isSymlink()) {
        Files.setAttribute(p, "unix:mode", e.mode(), LinkOption.NOFOLLOW_LINKS);
      }
      Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .setTimes(e.mtime(), null, null);
    } catch (IOException ex) {
      throw new IOException(e.path() + ": cannot apply owner " + e.uid() + ":" + e.gid() + ", mode "
          + Integer.toOctalString(e.mode()) + ", mtime " + e.mtime() + " (" + ex + "); the mover must run as root"
          + " or as the volume's owner", ex);
    }
  }

  /**
   * Applies every entry: files and symlinks first, then directories deepest first, so creating or
   * renaming things inside a directory cannot bump its time after it was set.
   */
  public static void applyAll(Path root, List<FileEntry> entries) throws IOException {
    for (FileEntry e : entries) {
      if (!e.isDirectory()) {
        apply(root, e);
      }
    }
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).isDirectory()) {
        apply(root, entries.get(i));
      }
    }
  }
}
