package dev.ferry.volumes.repo;

import dev.ferry.objectstore.ObjectKeys;

/**
 * Where each kind of object lives under the repository's prefix ({@code <prefix>/volumes/}):
 * <pre>
 *   config                      format marker, written once
 *   packs/&lt;2 hex&gt;/&lt;pack id&gt;   compressed chunks plus a trailer listing them (pack id = SHA-256 of the pack)
 *   index/&lt;pack id&gt;             a copy of one pack's trailer, so loading the index reads no pack
 *   trees/&lt;tree sha256&gt;         a snapshot's file tree and chunk lists (zstd, binary)
 *   snapshots/&lt;snapshot id&gt;     a snapshot's small header (time, tags, totals, tree hash); written last
 *   locks/&lt;lock id&gt;             who is using the repository right now
 * </pre>
 * The fan-out under {@code packs/} keeps directories small on filesystem stores.
 */
public final class RepositoryLayout {
  private final String root;

  public RepositoryLayout(String prefix) {
    String p = prefix == null ? "" : prefix.strip();
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    this.root = (p.isEmpty() ? "" : p + "/") + "volumes/";
    ObjectKeys.requireValidPrefix(root);
  }

  public String root() {
    return root;
  }

  public String config() {
    return root + "config";
  }

  public String packsPrefix() {
    return root + "packs/";
  }

  public String pack(String packId) {
    return root + "packs/" + packId.substring(0, 2) + "/" + packId;
  }

  /** The pack id of a key under {@link #packsPrefix()}. */
  public String packIdOf(String packKey) {
    return packKey.substring(packKey.lastIndexOf('/') + 1);
  }

  public String indexPrefix() {
    return root + "index/";
  }

  public String index(String packId) {
    return root + "index/" + packId;
  }

  public String tree(String treeSha256) {
    return root + "trees/" + treeSha256;
  }

  public String snapshotsPrefix() {
    return root + "snapshots/";
  }

  public String snapshot(String snapshotId) {
    return root + "snapshots/" + snapshotId;
  }

  public String locksPrefix() {
    return root + "locks/";
  }

  public String lock(String lockId) {
    return root + "locks/" + lockId;
  }

  /** The last path segment of a key: the id of whatever it names. */
  public static String idOf(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }
}
