package dev.ferry.volumes.repo;

import dev.ferry.objectstore.ObjectNotFoundException;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.volumes.chunk.ChunkId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every blob in the repository: blob id → pack and position, in memory, so "is this chunk already
 * stored?" never touches the store. Loaded from the {@code index/} objects; a pack without one (a
 * crash between uploading the pack and its index) is read once and its index written, so the work
 * of an interrupted snapshot is reused, not redone.
 */
public final class RepositoryIndex {
  private static final Logger LOG = LoggerFactory.getLogger(RepositoryIndex.class);

  /** Where a blob lives. */
  public record Location(String packId, PackEntry entry) {
  }

  private final Map<ChunkId, Location> blobs = new ConcurrentHashMap<>();
  private final Set<String> packs = ConcurrentHashMap.newKeySet();

  public static RepositoryIndex load(ObjectStore store, RepositoryLayout layout) {
    RepositoryIndex index = new RepositoryIndex();
    Set<String> indexed = ConcurrentHashMap.newKeySet();
    // One small GET per pack: fetched in parallel, since on S3 each is a round trip.
    inParallel(store.list(layout.indexPrefix()), key -> {
      String packId = RepositoryLayout.idOf(key);
      byte[] bytes;
      try {
        bytes = store.getBytes(key);
      } catch (ObjectNotFoundException e) {
        return; // deleted between list and get
      }
      index.add(packId, PackFormat.parseIndexObject(bytes, "pack index object " + key + " in " + store.describe(),
          Integer.MAX_VALUE));
      indexed.add(packId);
    });
    for (String key : store.list(layout.packsPrefix())) {
      String packId = layout.packIdOf(key);
      if (indexed.contains(packId)) {
        continue;
      }
      String what = "pack object " + key + " in " + store.describe();
      byte[] pack = store.getBytes(key);
      if (!Ids.sha256Hex(pack).equals(packId)) {
        // A pack put is atomic, so this is damage, not an interrupted upload; skipping it only costs re-uploading.
        LOG.warn("{} does not hash to its name; ignoring it (its chunks are uploaded again when needed)", what);
        continue;
      }
      List<PackEntry> entries = PackFormat.parsePack(pack, what);
      store.put(layout.index(packId), PackFormat.indexObject(entries));
      LOG.info("Recovered {} chunks from {} left by an interrupted snapshot", entries.size(), what);
      index.add(packId, entries);
    }
    return index;
  }

  private static void inParallel(List<String> keys, java.util.function.Consumer<String> action) {
    if (keys.size() < 4) {
      keys.forEach(action);
      return;
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
        Math.min(8, keys.size()), SnapshotWriter.daemon("ferry-index-load"));
    try {
      List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
      for (String key : keys) {
        all.add(pool.submit(() -> action.accept(key)));
      }
      for (java.util.concurrent.Future<?> f : all) {
        f.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new RepositoryException("loading the repository index failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RepositoryException("interrupted while loading the repository index", e);
    } finally {
      pool.shutdownNow();
    }
  }

  void add(String packId, Collection<PackEntry> entries) {
    for (PackEntry e : entries) {
      blobs.putIfAbsent(e.id(), new Location(packId, e));
    }
    packs.add(packId);
  }

  public boolean contains(ChunkId id) {
    return blobs.containsKey(id);
  }

  public Optional<Location> find(ChunkId id) {
    return Optional.ofNullable(blobs.get(id));
  }

  public int blobCount() {
    return blobs.size();
  }

  public int packCount() {
    return packs.size();
  }
}
