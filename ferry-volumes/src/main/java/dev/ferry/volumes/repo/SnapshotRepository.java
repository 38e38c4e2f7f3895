package dev.ferry.volumes.repo;

import dev.ferry.objectstore.ObjectNotFoundException;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.fs.VerificationReport;
import dev.ferry.volumes.fs.VolumeMismatchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deduplicated, compressed snapshots of volumes in an {@link ObjectStore}: the indirect volume
 * migration path. See {@link RepositoryLayout} for what is stored where and docs/volume-snapshots.md
 * for the design. Safe to use from several processes at once (snapshots and restores take shared
 * locks; every object is immutable and content-addressed).
 */
public final class SnapshotRepository {
  static final String CONFIG = "ferry-volume-repository/1\nchunker=fastcdc min=%d avg=%d max=%d\n";

  private final ObjectStore store;
  private final RepositoryLayout layout;
  private final RepositoryOptions options;
  private final SnapshotCatalog catalog;

  public SnapshotRepository(ObjectStore store, String prefix) {
    this(store, prefix, RepositoryOptions.defaults());
  }

  public SnapshotRepository(ObjectStore store, String prefix, RepositoryOptions options) {
    this.store = store;
    this.layout = new RepositoryLayout(prefix);
    this.options = options;
    this.catalog = new SnapshotCatalog(store, layout);
  }

  public RepositoryLayout layout() {
    return layout;
  }

  /**
   * Snapshots the tree under {@code source}. The parent is the latest snapshot with the same
   * tags: its unchanged files are not read again, and only chunks the repository lacks are uploaded.
   */
  public SnapshotResult snapshot(Path source, Map<String, String> tags, ProgressListener listener)
      throws IOException, InterruptedException {
    try (RepositoryLock lock = RepositoryLock.shared(store, layout)) {
      ensureConfig();
      RepositoryIndex index = RepositoryIndex.load(store, layout);
      return new SnapshotWriter(store, layout, options).snapshot(source, tags, listener, index, catalog);
    }
  }

  /** The newest snapshot whose tags include all of {@code tagsToMatch}. */
  public Optional<SnapshotInfo> latest(Map<String, String> tagsToMatch) {
    return catalog.latest(tagsToMatch);
  }

  /** Every snapshot, oldest first. */
  public List<SnapshotInfo> list() {
    return catalog.list();
  }

  /** A snapshot by full id or unique prefix (at least 6 hex digits). */
  public SnapshotInfo get(String snapshotId) {
    try {
      return catalog.header(catalog.resolve(snapshotId));
    } catch (ObjectNotFoundException e) {
      throw new RepositoryException("no snapshot " + snapshotId + " in " + store.describe()
          + "; list the snapshots to see which exist", e);
    }
  }

  /** The snapshot's tree: every entry with its metadata and chunk list. */
  public List<SnapshotEntry> tree(String snapshotId) {
    return catalog.tree(get(snapshotId));
  }

  /**
   * Makes {@code destination} equal to the snapshot: identical files are kept, others written,
   * extra entries removed, metadata applied.
   */
  public RestoreResult restore(String snapshotId, Path destination, ProgressListener listener)
      throws IOException, InterruptedException {
    try (RepositoryLock lock = RepositoryLock.shared(store, layout)) {
      SnapshotInfo info = get(snapshotId);
      List<SnapshotEntry> tree = catalog.tree(info);
      RepositoryIndex index = RepositoryIndex.load(store, layout);
      return new SnapshotRestorer(store, layout, options).restore(info, tree, destination, index, listener);
    }
  }

  /** Proves {@code destination} holds exactly the snapshot (metadata and content); throws listing every difference. */
  public VerificationReport verify(String snapshotId, Path destination) throws IOException, VolumeMismatchException {
    return new SnapshotVerifier(options).verify(tree(snapshotId), destination);
  }

  private void ensureConfig() {
    byte[] wanted = String.format(CONFIG, options.chunker().minSize(), options.chunker().avgSize(),
        options.chunker().maxSize()).getBytes(StandardCharsets.UTF_8);
    if (!store.exists(layout.config())) {
      store.put(layout.config(), wanted);
      return;
    }
    String have = new String(store.getBytes(layout.config()), StandardCharsets.UTF_8);
    if (!have.startsWith("ferry-volume-repository/1\n")) {
      throw new RepositoryException(layout.config() + " in " + store.describe() + " is not a Ferry volume "
          + "repository of a format this version knows; use another prefix");
    }
  }
}
