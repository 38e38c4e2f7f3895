package dev.ferry.volumes.repo;

import dev.ferry.objectstore.ObjectStore;
import dev.ferry.volumes.chunk.ChunkId;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Collects new blobs into packs and uploads each full pack (then its index object) in the
 * background. Thread-safe: chunking workers {@link #claim} a blob id (so two files with the same
 * chunk store it once), compress it outside any lock, then {@link #add} it. At most
 * {@code maxInFlight} sealed packs wait for upload; a worker that would exceed that blocks, which
 * bounds memory to about (maxInFlight + 1) packs.
 */
final class PackUploader implements AutoCloseable {
  private final ObjectStore store;
  private final RepositoryLayout layout;
  private final RepositoryIndex index;
  private final int targetPackBytes;
  private final Semaphore inFlight;
  private final ExecutorService uploads;
  private final Set<ChunkId> claimed = ConcurrentHashMap.newKeySet();
  private final List<Future<?>> pending = new ArrayList<>();
  private final AtomicLong bytesUploaded = new AtomicLong();
  private final AtomicLong packsUploaded = new AtomicLong();
  private final AtomicLong blobsAdded = new AtomicLong();
  /** The first upload failure: workers stop at their next blob instead of chunking a volume that cannot be stored. */
  private volatile RuntimeException failure;

  private ByteArrayOutputStream current;
  private List<PackEntry> currentEntries = new ArrayList<>();

  PackUploader(ObjectStore store, RepositoryLayout layout, RepositoryIndex index, int targetPackBytes,
      int maxInFlight) {
    this.store = store;
    this.layout = layout;
    this.index = index;
    this.targetPackBytes = targetPackBytes;
    this.inFlight = new Semaphore(maxInFlight);
    this.uploads = Executors.newFixedThreadPool(maxInFlight, runnable -> {
      Thread t = new Thread(runnable, "ferry-pack-upload");
      t.setDaemon(true);
      return t;
    });
  }

  /** True if the caller must store this blob: it is neither in the repository nor being stored by another worker. */
  boolean claim(ChunkId id) {
    return !index.contains(id) && claimed.add(id);
  }

  /** Appends a claimed blob (stored bytes as they go in the pack); uploads the pack once it is full. */
  void add(ChunkId id, byte[] stored, int rawLength, boolean compressed) throws InterruptedException {
    if (failure != null) {
      throw failure;
    }
    byte[] sealed = null;
    List<PackEntry> sealedEntries = null;
    synchronized (this) {
      if (current == null) {
        current = new ByteArrayOutputStream(targetPackBytes + targetPackBytes / 8);
      }
      currentEntries.add(new PackEntry(id, current.size(), stored.length, rawLength, compressed));
      current.write(stored, 0, stored.length);
      blobsAdded.incrementAndGet();
      if (current.size() >= targetPackBytes) {
        sealedEntries = currentEntries;
        sealed = seal();
      }
    }
    if (sealed != null) {
      upload(sealed, sealedEntries);
    }
  }

  private byte[] seal() {
    current.writeBytes(PackFormat.trailer(currentEntries));
    byte[] bytes = current.toByteArray();
    current = null;
    currentEntries = new ArrayList<>();
    return bytes;
  }

  private void upload(byte[] pack, List<PackEntry> entries) throws InterruptedException {
    inFlight.acquire();
    Future<?> future;
    try {
      future = uploads.submit(() -> {
        try {
          String packId = Ids.sha256Hex(pack);
          store.put(layout.pack(packId), pack);
          byte[] indexObject = PackFormat.indexObject(entries);
          store.put(layout.index(packId), indexObject);
          bytesUploaded.addAndGet(pack.length + indexObject.length);
          packsUploaded.incrementAndGet();
          index.add(packId, entries);
        } catch (RuntimeException e) {
          failure = e;
          throw e;
        } finally {
          inFlight.release();
        }
        return null;
      });
    } catch (RuntimeException e) {
      inFlight.release();
      throw e;
    }
    synchronized (pending) {
      pending.add(future);
    }
  }

  /** Uploads the last, partial pack and waits for every upload; throws the first failure. */
  void flush() throws InterruptedException {
    byte[] sealed = null;
    List<PackEntry> sealedEntries = null;
    synchronized (this) {
      if (current != null && !currentEntries.isEmpty()) {
        sealedEntries = currentEntries;
        sealed = seal();
      }
    }
    if (sealed != null) {
      upload(sealed, sealedEntries);
    }
    List<Future<?>> all;
    synchronized (pending) {
      all = new ArrayList<>(pending);
    }
    for (Future<?> f : all) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        throw new RepositoryException("uploading a pack to " + store.describe() + " failed: " + cause, cause);
      }
    }
  }

  long bytesUploaded() {
    return bytesUploaded.get();
  }

  long packsUploaded() {
    return packsUploaded.get();
  }

  long blobsAdded() {
    return blobsAdded.get();
  }

  @Override
  public void close() {
    uploads.shutdownNow();
  }
}
