package dev.ferry.volumes;

/** Receives progress of a volume transfer; called from transfer threads, so implementations must be thread-safe and quick. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = progress -> { };

  void onProgress(TransferProgress progress);
}
