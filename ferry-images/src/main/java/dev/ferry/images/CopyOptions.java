package dev.ferry.images;

import java.util.function.LongConsumer;

/**
 * @param parallelism blobs transferred at once
 * @param progress told bytes as an image copy accounts for them: the bytes of every chunk sent, and
 *     the whole size of each blob the destination already had or mounted (so the progress of a copy
 *     reaches what was planned); may be called from several threads
 * @param planned told, once an image's manifests are read, the bytes of the blobs it is about to
 *     account for (what {@code progress} adds up to for that image)
 */
public record CopyOptions(int parallelism, LongConsumer progress, LongConsumer planned) {
  public static final CopyOptions DEFAULTS = new CopyOptions(4, n -> { }, n -> { });

  public CopyOptions {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    progress = progress == null ? n -> { } : progress;
    planned = planned == null ? n -> { } : planned;
  }

  public CopyOptions(int parallelism, LongConsumer progress) {
    this(parallelism, progress, null);
  }

  public CopyOptions withProgress(LongConsumer listener) {
    return new CopyOptions(parallelism, listener, planned);
  }

  /** Progress and plan of the copies, e.g. for a byte count with a total. */
  public CopyOptions withProgress(LongConsumer listener, LongConsumer plan) {
    return new CopyOptions(parallelism, listener, plan);
  }
}
