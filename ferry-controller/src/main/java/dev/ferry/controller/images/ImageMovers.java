package dev.ferry.controller.images;

import dev.ferry.images.CopyOptions;
import dev.ferry.images.CopyResult;
import dev.ferry.images.ImageArchive;
import dev.ferry.images.ImageCopier;
import dev.ferry.images.Registries;
import dev.ferry.objectstore.ObjectStore;

/** The two ways images travel. */
public final class ImageMovers {
  /** Where indirect image migration keeps images in the replication repository. */
  public static final String ARCHIVE_PREFIX = "images";

  private ImageMovers() {
  }

  /** Registry to registry over the distribution API. */
  public static ImageMover direct(Registries registries) {
    return direct(registries, CopyOptions.DEFAULTS);
  }

  /** Registry to registry, telling {@code options}' progress callbacks what moves. */
  public static ImageMover direct(Registries registries, CopyOptions options) {
    ImageCopier copier = new ImageCopier(registries);
    return (src, dst) -> copier.copy(src, dst, options);
  }

  /** Source registry → replication repository → destination registry (indirectImageMigration). */
  public static ImageMover throughRepository(Registries registries, ObjectStore repository) {
    ImageArchive archive = new ImageArchive(repository, ARCHIVE_PREFIX, registries);
    return (src, dst) -> {
      CopyResult saved = archive.save(src, CopyOptions.DEFAULTS);
      CopyResult loaded = archive.load(saved.digest(), dst, CopyOptions.DEFAULTS);
      return new CopyResult(loaded.digest(), loaded.mediaType(), loaded.blobsCopied(), loaded.blobsSkipped(),
          0, loaded.manifestsPushed(), saved.bytesSent() + loaded.bytesSent());
    };
  }
}
