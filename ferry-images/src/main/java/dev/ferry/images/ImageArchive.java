package dev.ferry.images;

import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.ObjectStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Images kept in the replication repository for indirect image migration, laid out like an OCI
 * image layout: every blob and manifest under {@code <prefix>/blobs/sha256/<hex>} (so content
 * shared between images or migrations is stored once), and tags under
 * {@code <prefix>/tags/<repository>/<tag>} holding a manifest digest. Manifests are kept byte for
 * byte, so an image loaded back into a registry has its original digests.
 */
public final class ImageArchive {
  private final ObjectStore store;
  private final String prefix;
  private final Registries registries;

  public ImageArchive(ObjectStore store, String prefix, Registries registries) {
    this.store = store;
    this.prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    this.registries = registries;
  }

  /** Stores {@code src} (all platforms) in the archive and records its tag if it has one. */
  public CopyResult save(ImageRef src, CopyOptions options) {
    try {
      RegistryClient from = registries.client(src.registry());
      Manifest top = from.getManifest(src.repository(), src.reference());
      List<Manifest> manifests = new ArrayList<>();
      manifests.add(top);
      for (Descriptor child : top.children()) {
        manifests.add(from.getManifest(src.repository(), child.digest()));
      }
      Map<String, Descriptor> blobs = new LinkedHashMap<>();
      manifests.forEach(m -> m.blobs().forEach(b -> blobs.putIfAbsent(b.digest(), b)));
      AtomicInteger copied = new AtomicInteger();
      AtomicInteger skipped = new AtomicInteger();
      AtomicLong bytes = new AtomicLong();
      List<Runnable> tasks = new ArrayList<>();
      for (Descriptor blob : blobs.values()) {
        tasks.add(() -> {
          String key = blobKey(blob.digest());
          if (store.exists(key)) {
            skipped.incrementAndGet();
            return;
          }
          try (InputStream in = from.openBlob(src.repository(), blob)) {
            store.put(key, in, blob.size());
          } catch (IOException e) {
            throw new ImageException("reading blob " + blob.digest() + " failed: " + e.getMessage(), e);
          } catch (ObjectStoreException e) {
            throw corruptOr(e, blob.digest(), src.name());
          }
          copied.incrementAndGet();
          bytes.addAndGet(blob.size());
          options.progress().accept(blob.size());
        });
      }
      ParallelTasks.run(tasks, options.parallelism());
      int written = 0;
      for (Manifest m : manifests) {
        String key = blobKey(m.digest());
        if (!store.exists(key)) {
          store.put(key, m.content());
          bytes.addAndGet(m.content().length);
          written++;
        }
      }
      if (src.tag() != null) {
        store.put(tagKey(src.repository(), src.tag()), top.digest().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return new CopyResult(top.digest(), top.mediaType(), copied.get(), skipped.get(), 0, written, bytes.get());
    } catch (ImageException | ObjectStoreException e) {
      throw new ImageException("saving image " + src + " to " + store.describe() + " failed: " + e.getMessage(), e);
    }
  }

  /** The digest the archive recorded for {@code repository:tag}, as saved from any registry. */
  public String taggedDigest(String repository, String tag) {
    String key = tagKey(repository, tag);
    if (!store.exists(key)) {
      throw new ImageException("image " + repository + ":" + tag + " is not in " + store.describe()
          + ": save it (run a stage or final migration) before loading it");
    }
    return Digests.requireValid(new String(store.getBytes(key), java.nio.charset.StandardCharsets.UTF_8).trim(),
        "archived tag " + repository + ":" + tag);
  }

  /**
   * Pushes the archived image {@code digest} to {@code dst} (tagged with dst's tag if it has one),
   * skipping blobs the registry already has.
   */
  public CopyResult load(String digest, ImageRef dst, CopyOptions options) {
    Digests.requireValid(digest, "image to load into " + dst);
    try {
      RegistryClient to = registries.client(dst.registry());
      Manifest top = readManifest(digest);
      String dstReference = dst.tag() != null ? dst.tag() : digest;
      if (to.manifestDigest(dst.repository(), dstReference).filter(digest::equals).isPresent()) {
        return new CopyResult(digest, top.mediaType(), 0, 0, 0, 0, 0);
      }
      List<Manifest> images = new ArrayList<>();
      for (Descriptor child : top.children()) {
        if (to.manifestDigest(dst.repository(), child.digest()).isEmpty()) {
          images.add(readManifest(child.digest()));
        }
      }
      if (!top.isIndex()) {
        images.add(top);
      }
      Map<String, Descriptor> blobs = new LinkedHashMap<>();
      images.forEach(m -> m.blobs().forEach(b -> blobs.putIfAbsent(b.digest(), b)));
      AtomicInteger copied = new AtomicInteger();
      AtomicInteger skipped = new AtomicInteger();
      AtomicLong bytes = new AtomicLong();
      List<Runnable> tasks = new ArrayList<>();
      for (Descriptor blob : blobs.values()) {
        tasks.add(() -> {
          if (to.blobExists(dst.repository(), blob.digest())) {
            skipped.incrementAndGet();
            return;
          }
          try (InputStream in = new DigestVerifyingInputStream(store.get(blobKey(blob.digest())), blob.digest(),
              blob.size())) {
            to.pushBlob(dst.repository(), blob, in, n -> {
              bytes.addAndGet(n);
              options.progress().accept(n);
            });
          } catch (IOException e) {
            throw new ImageException("reading blob " + blob.digest() + " from " + store.describe() + " failed: "
                + e.getMessage(), e);
          }
          copied.incrementAndGet();
        });
      }
      ParallelTasks.run(tasks, options.parallelism());
      int pushed = 0;
      if (top.isIndex()) {
        for (Manifest image : images) {
          to.putManifest(dst.repository(), image.digest(), image);
          bytes.addAndGet(image.content().length);
          pushed++;
        }
      }
      to.putManifest(dst.repository(), dstReference, top);
      bytes.addAndGet(top.content().length);
      return new CopyResult(digest, top.mediaType(), copied.get(), skipped.get(), 0, pushed + 1, bytes.get());
    } catch (ImageException | ObjectStoreException e) {
      throw new ImageException("loading image " + digest + " from " + store.describe() + " into " + dst
          + " failed: " + e.getMessage(), e);
    }
  }

  private Manifest readManifest(String digest) {
    byte[] content = store.getBytes(blobKey(digest));
    Manifest m = Manifest.of(content, null, "archived manifest " + digest);
    if (!m.digest().equals(digest)) {
      throw new ImageException("archived manifest " + digest + " in " + store.describe() + " hashes to "
          + m.digest() + ": the repository copy is corrupt; run the stage migration again to re-save it");
    }
    return m;
  }

  private static ImageException corruptOr(ObjectStoreException e, String digest, String image) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BlobDigestMismatchException m) {
        return new ImageException("blob " + digest + " of " + image + " is corrupt in the source registry ("
            + m.getMessage() + "); push the image to the source again", e);
      }
    }
    return new ImageException(e.getMessage(), e);
  }

  String blobKey(String digest) {
    return prefix + "/blobs/sha256/" + Digests.hex(Digests.requireValid(digest, "a blob"));
  }

  private String tagKey(String repository, String tag) {
    return prefix + "/tags/" + repository + "/" + tag;
  }
}
