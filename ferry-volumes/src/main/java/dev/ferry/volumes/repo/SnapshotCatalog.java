package dev.ferry.volumes.repo;

import dev.ferry.objectstore.ObjectNotFoundException;
import dev.ferry.objectstore.ObjectStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads published snapshots: headers (checked against their ids) and trees (checked against the header). */
final class SnapshotCatalog {
  private final ObjectStore store;
  private final RepositoryLayout layout;

  SnapshotCatalog(ObjectStore store, RepositoryLayout layout) {
    this.store = store;
    this.layout = layout;
  }

  /** Every snapshot, oldest first. */
  List<SnapshotInfo> list() {
    List<SnapshotInfo> all = new ArrayList<>();
    for (String key : store.list(layout.snapshotsPrefix())) {
      try {
        all.add(header(RepositoryLayout.idOf(key)));
      } catch (ObjectNotFoundException e) {
        // deleted between list and get
      }
    }
    all.sort(Comparator.comparing(SnapshotInfo::time).thenComparing(SnapshotInfo::id));
    return all;
  }

  Optional<SnapshotInfo> latest(Map<String, String> tags) {
    List<SnapshotInfo> all = list();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).matches(tags)) {
        return Optional.of(all.get(i));
      }
    }
    return Optional.empty();
  }

  SnapshotInfo header(String id) {
    String key = layout.snapshot(id);
    byte[] bytes = store.getBytes(key);
    String what = "snapshot " + id + " (object " + key + " in " + store.describe() + ")";
    if (!Ids.sha256Hex(bytes).equals(id)) {
      throw new RepositoryCorruptException(what + " is corrupt: its content does not hash to its name");
    }
    return SnapshotInfoCodec.decode(id, bytes, what);
  }

  /** Resolves a unique id prefix (at least 6 hex digits), like the short ids {@code list} prints. */
  String resolve(String idOrPrefix) {
    if (idOrPrefix.length() == 64) {
      return idOrPrefix;
    }
    if (idOrPrefix.length() < 6 || !idOrPrefix.matches("[0-9a-f]+")) {
      throw new RepositoryException("'" + idOrPrefix + "' is not a snapshot id: give the full id or at least its "
          + "first 6 hex digits");
    }
    List<String> matches = store.list(layout.snapshotsPrefix() + idOrPrefix).stream().map(RepositoryLayout::idOf)
        .toList();
    if (matches.size() != 1) {
      throw new RepositoryException(matches.isEmpty()
          ? "no snapshot " + idOrPrefix + " in " + store.describe() + "; list the snapshots to see which exist"
          : "snapshot id prefix " + idOrPrefix + " is ambiguous (" + matches.size() + " snapshots); give more digits");
    }
    return matches.get(0);
  }

  List<SnapshotEntry> tree(SnapshotInfo info) {
    String key = layout.tree(info.treeSha256());
    String what = "tree of snapshot " + info.shortId() + " (object " + key + " in " + store.describe() + ")";
    byte[] bytes;
    try {
      bytes = store.getBytes(key);
    } catch (ObjectNotFoundException e) {
      throw new RepositoryCorruptException(what + " is missing: the repository is damaged; take a new snapshot", e);
    }
    if (!Ids.sha256Hex(bytes).equals(info.treeSha256())) {
      throw new RepositoryCorruptException(what + " is corrupt: its content does not hash to its name");
    }
    return TreeCodec.decode(bytes, what);
  }
}
