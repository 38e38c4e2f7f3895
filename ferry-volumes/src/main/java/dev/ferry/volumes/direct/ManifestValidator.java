package dev.ferry.volumes.direct;

import dev.ferry.volumes.fs.FileEntry;
import dev.ferry.volumes.fs.FileKind;
import dev.ferry.volumes.fs.TreeScanner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a sender's manifest before the receiver acts on it, so a buggy or hostile sender cannot
 * write outside the destination root: no absolute paths, no '.'/'..' or empty segments, every
 * entry's parent is a directory of the manifest (so no path runs through a symlink), hard links
 * point at an earlier regular file, and nothing targets the receiver's own partial area.
 */
final class ManifestValidator {
  private ManifestValidator() {
  }

  static void validate(List<FileEntry> manifest) throws DirectTransferException {
    Map<String, FileEntry> seen = new HashMap<>();
    for (FileEntry e : manifest) {
      String p = e.path();
      for (String segment : p.split("/", -1)) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.indexOf('\0') >= 0) {
          throw bad(p, "path segments must be plain names");
        }
      }
      if (p.equals(TreeScanner.PARTIAL_AREA) || p.startsWith(TreeScanner.PARTIAL_AREA + "/")) {
        throw bad(p, "the name is reserved for the receiver's partial data");
      }
      int slash = p.lastIndexOf('/');
      if (slash > 0) {
        FileEntry parent = seen.get(p.substring(0, slash));
        if (parent == null || parent.kind() != FileKind.DIRECTORY) {
          throw bad(p, "its parent is not a directory listed before it");
        }
      }
      if (e.hardLinkOf() != null) {
        FileEntry leader = seen.get(e.hardLinkOf());
        if (leader == null || !leader.hasOwnContent()) {
          throw bad(p, "hard link to " + e.hardLinkOf() + ", which is not an earlier regular file");
        }
      }
      if (e.size() < 0 || seen.put(p, e) != null) {
        throw bad(p, "duplicate entry or negative size");
      }
    }
  }

  private static DirectTransferException bad(String path, String why) {
    return new DirectTransferException("rejected the sender's manifest at '" + path + "': " + why
        + "; the sender must be a Ferry mover of the same version");
  }
}
