package dev.ferry.volumes.repo;

import java.time.Instant;
import java.util.Map;

/**
 * A published snapshot's header: what {@link SnapshotRepository#list()} shows without reading trees.
 *
 * @param id hex SHA-256 of the header object (checked on read)
 * @param time when the snapshot was taken
 * @param tags free-form labels (plan, pvc namespace/name, migration) used to find a parent and {@code latest}
 * @param parentId the snapshot whose metadata let unchanged files be skipped, or null
 * @param treeSha256 hex SHA-256 of the tree object, checked before the tree is used
 * @param entries files, directories and symlinks in the tree
 * @param files regular files (hard links counted once)
 * @param bytes content bytes of the regular files
 * @param chunks distinct chunks the files reference
 * @param bytesAdded bytes this snapshot uploaded: new packs, their indexes and the tree (not this header)
 */
public record SnapshotInfo(String id, Instant time, Map<String, String> tags, String parentId, String treeSha256,
    long entries, long files, long bytes, long chunks, long bytesAdded) {

  public SnapshotInfo {
    tags = Map.copyOf(tags);
  }

  /** True if every tag in {@code wanted} is present with the same value. */
  public boolean matches(Map<String, String> wanted) {
    return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(tags.get(e.getKey())));
  }

  public String shortId() {
    return id.substring(0, Math.min(12, id.length()));
  }
}
