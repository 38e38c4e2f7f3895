package dev.ferry.controller.volumes;

import dev.ferry.objectstore.ObjectStore;
import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.TransferProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/** The real mover, after which one destination file loses a write: what verification exists to catch. */
final class CorruptingMover implements VolumeMover {
  private final VolumeMover mover;
  private final Path file;

  CorruptingMover(VolumeMover mover, Path file) {
    this.mover = mover;
    this.file = file;
  }

  @Override
  public TransferProgress copy(Path source, Path destination, ProgressListener listener) throws IOException {
    TransferProgress progress = mover.copy(source, destination, listener);
    corrupt(destination);
    return progress;
  }

  @Override
  public Snapshot snapshot(ObjectStore store, String prefix, Path root, Map<String, String> tags,
                           ProgressListener listener) throws IOException {
    return mover.snapshot(store, prefix, root, tags, listener);
  }

  @Override
  public TransferProgress restore(ObjectStore store, String prefix, String snapshotId, Path destination,
                                  ProgressListener listener) throws IOException {
    TransferProgress progress = mover.restore(store, prefix, snapshotId, destination, listener);
    corrupt(destination);
    return progress;
  }

  @Override
  public void verify(Path source, Path destination) throws IOException {
    mover.verify(source, destination);
  }

  @Override
  public Map<String, String> mintTls(String name) {
    return mover.mintTls(name);
  }

  private void corrupt(Path destination) throws IOException {
    Files.writeString(destination.resolve(file), "lost", StandardOpenOption.APPEND);
  }
}
