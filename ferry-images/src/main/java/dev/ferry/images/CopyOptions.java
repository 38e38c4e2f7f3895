package dev.ferry.images;

import java.util.function.LongConsumer;

/**
 * @param parallelism blobs transferred at once
 * @param progress told the number of bytes of every chunk sent (may be called from several threads)
 */
public record CopyOptions(int parallelism, LongConsumer progress) {
  public static final CopyOptions DEFAULTS = new CopyOptions(4, n -> { });

  public CopyOptions {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    progress = progress == null ? n -> { } : progress;
  }

  public CopyOptions withProgress(LongConsumer listener) {
    return new CopyOptions(parallelism, listener);
  }
}
