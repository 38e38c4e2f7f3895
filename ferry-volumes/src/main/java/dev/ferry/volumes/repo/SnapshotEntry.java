package dev.ferry.volumes.repo;

import dev.ferry.volumes.chunk.ChunkId;
import dev.ferry.volumes.fs.FileEntry;
import java.util.List;

/**
 * One tree entry of a snapshot: the file's metadata, its content as an ordered chunk list (empty
 * for directories, symlinks, hard-link second names and empty files), and the source's inode and
 * ctime, which only the next snapshot uses: like restic's parent, a file whose size, mtime, inode
 * and ctime are unchanged is not read again.
 */
public record SnapshotEntry(FileEntry entry, long inode, long ctimeNanos, List<ChunkId> chunks) {
  public SnapshotEntry {
    chunks = List.copyOf(chunks);
  }

  public String path() {
    return entry.path();
  }
}
