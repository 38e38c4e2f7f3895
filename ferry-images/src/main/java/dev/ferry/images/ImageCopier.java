package dev.ferry.images;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies an image (with every platform of an index) from one registry repository to another with
 * its manifests' exact bytes, so every digest is preserved. Blobs the destination has are not
 * sent; within one registry they are mounted from the source repository.
 */
public final class ImageCopier {
  private static final Logger LOG = LoggerFactory.getLogger(ImageCopier.class);

  private final Registries registries;
  /**
   * Per destination registry, a repository known to hold each blob this copier handled: a later
   * image in another repository of that registry mounts the blob from there instead of
   * receiving it again (shared base layers).
   */
  private final Map<String, Map<String, String>> blobLocations = new ConcurrentHashMap<>();

  public ImageCopier(Registries registries) {
    this.registries = registries;
  }

  private String knownRepository(String registry, String digest, String exceptRepository) {
    String repo = blobLocations.getOrDefault(registry, Map.of()).get(digest);
    return repo == null || repo.equals(exceptRepository) ? null : repo;
  }

  private void remember(String registry, String digest, String repository) {
    blobLocations.computeIfAbsent(registry, r -> new ConcurrentHashMap<>()).putIfAbsent(digest, repository);
  }

  /**
   * Copies {@code src} to {@code dst}. The destination is tagged with dst's tag, or only stored by
   * digest if dst names a digest (which must then be the source's).
   */
  public CopyResult copy(ImageRef src, ImageRef dst, CopyOptions options) {
    try {
      return doCopy(src, dst, options);
    } catch (ImageException e) {
      throw new ImageException("copying image " + src + " to " + dst + " failed: " + e.getMessage(), e);
    }
  }

  private CopyResult doCopy(ImageRef src, ImageRef dst, CopyOptions options) {
    RegistryClient from = registries.client(src.registry());
    RegistryClient to = registries.client(dst.registry());
    Manifest top = from.getManifest(src.repository(), src.reference());
    if (dst.digest() != null && !dst.digest().equals(top.digest())) {
      throw new ImageException("the destination names digest " + dst.digest() + " but the source image is "
          + top.digest());
    }
    String dstReference = dst.tag() != null ? dst.tag() : top.digest();
    if (Optional.of(top.digest()).equals(to.manifestDigest(dst.repository(), dstReference))) {
      return new CopyResult(top.digest(), top.mediaType(), 0, countBlobs(from, src, top), 0, 0, 0);
    }

    List<Manifest> images = new ArrayList<>();
    int skippedWithManifest = 0;
    if (top.isIndex()) {
      for (Descriptor child : top.children()) {
        if (to.manifestDigest(dst.repository(), child.digest()).isPresent()) {
          skippedWithManifest++; // a registry only accepts a manifest whose blobs it holds
          continue;
        }
        images.add(from.getManifest(src.repository(), child.digest()));
      }
    } else {
      images.add(top);
    }
    Map<String, Descriptor> blobs = new LinkedHashMap<>();
    images.forEach(m -> m.blobs().forEach(b -> blobs.putIfAbsent(b.digest(), b)));
    options.planned().accept(blobs.values().stream().mapToLong(Descriptor::size).sum());

    AtomicInteger copied = new AtomicInteger();
    AtomicInteger skipped = new AtomicInteger();
    AtomicInteger mounted = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    boolean sameRegistry = src.registry().equals(dst.registry()) && !src.repository().equals(dst.repository());
    List<Runnable> tasks = new ArrayList<>();
    for (Descriptor blob : blobs.values()) {
      tasks.add(() -> {
        String elsewhere = knownRepository(dst.registry(), blob.digest(), dst.repository());
        if (to.blobExists(dst.repository(), blob.digest())) {
          skipped.incrementAndGet();
          options.progress().accept(blob.size());
        } else if (sameRegistry && to.mountBlob(dst.repository(), blob.digest(), src.repository())) {
          mounted.incrementAndGet();
          options.progress().accept(blob.size());
        } else if (elsewhere != null && to.mountBlob(dst.repository(), blob.digest(), elsewhere)) {
          mounted.incrementAndGet();
          options.progress().accept(blob.size());
        } else {
          transfer(from, src, to, dst, blob, n -> {
            bytes.addAndGet(n);
            options.progress().accept(n);
          });
          copied.incrementAndGet();
        }
        remember(dst.registry(), blob.digest(), dst.repository());
      });
    }
    ParallelTasks.run(tasks, options.parallelism());

    int manifests = 0;
    if (top.isIndex()) {
      for (Manifest image : images) {
        to.putManifest(dst.repository(), image.digest(), image);
        bytes.addAndGet(image.content().length);
        manifests++;
      }
    }
    to.putManifest(dst.repository(), dstReference, top);
    bytes.addAndGet(top.content().length);
    manifests++;
    CopyResult result = new CopyResult(top.digest(), top.mediaType(), copied.get(),
        skipped.get() + skippedWithManifest, mounted.get(), manifests, bytes.get());
    LOG.info("copied {} to {}: {}", src, dst, result);
    return result;
  }

  private static void transfer(RegistryClient from, ImageRef src, RegistryClient to, ImageRef dst, Descriptor blob,
      java.util.function.LongConsumer sent) {
    try (InputStream in = from.openBlob(src.repository(), blob)) {
      to.pushBlob(dst.repository(), blob, in, sent);
    } catch (IOException e) {
      throw new ImageException("reading blob " + blob.digest() + " of " + src.name() + " failed: " + e.getMessage(),
          e);
    }
  }

  /** Blobs of an image the destination already has entirely (reported as skipped). */
  private static int countBlobs(RegistryClient from, ImageRef src, Manifest top) {
    if (!top.isIndex()) {
      return top.blobs().size();
    }
    int n = 0;
    for (Descriptor child : top.children()) {
      n += from.getManifest(src.repository(), child.digest()).blobs().size();
    }
    return n;
  }
}
