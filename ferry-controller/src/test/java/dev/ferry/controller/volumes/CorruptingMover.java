package dev.ferry.controller.volumes;

import dev.ferry.objectstore.ObjectStore;
import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.TransferProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The real mover, after which one destination file loses a write: what verification exists to catch. */
final class CorruptingMover extends WrappedMover {
  private final Path file;

  CorruptingMover(VolumeMover mover, Path file) {
    super(mover);
    this.file = file;
  }

  @Override
  public TransferProgress copy(Path source, Path destination, ProgressListener listener) throws IOException {
    TransferProgress progress = super.copy(source, destination, listener);
    corrupt(destination);
    return progress;
  }

  @Override
  public TransferProgress restore(ObjectStore store, String prefix, String snapshotId, Path destination,
                                  ProgressListener listener) throws IOException {
    TransferProgress progress = super.restore(store, prefix, snapshotId, destination, listener);
    corrupt(destination);
    return progress;
  }

  private void corrupt(Path destination) throws IOException {
    Files.writeString(destination.resolve(file), "lost", StandardOpenOption.APPEND);
  }
}
