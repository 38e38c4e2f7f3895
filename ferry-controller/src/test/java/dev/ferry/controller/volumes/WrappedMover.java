package dev.ferry.controller.volumes;

import dev.ferry.objectstore.ObjectStore;
import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.TransferProgress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real mover with every transfer passed through unchanged: a test extends it and overrides
 * the one step it must hold, stall or break, so the data still moves by the library's own code.
 */
public class WrappedMover implements VolumeMover {
  private final VolumeMover mover;

  /** Wraps the library's mover. */
  public WrappedMover() {
    this(new LibraryVolumeMover());
  }

  public WrappedMover(VolumeMover mover) {
    this.mover = mover;
  }

  @Override
  public TransferProgress copy(Path source, Path destination, ProgressListener listener) throws IOException {
    return mover.copy(source, destination, listener);
  }

  @Override
  public Snapshot snapshot(ObjectStore store, String prefix, Path root, Map<String, String> tags,
                           ProgressListener listener) throws IOException {
    return mover.snapshot(store, prefix, root, tags, listener);
  }

  @Override
  public TransferProgress restore(ObjectStore store, String prefix, String snapshotId, Path destination,
                                  ProgressListener listener) throws IOException {
    return mover.restore(store, prefix, snapshotId, destination, listener);
  }

  @Override
  public void verify(Path source, Path destination) throws IOException {
    mover.verify(source, destination);
  }

  @Override
  public Map<String, String> mintTls(String name) {
    return mover.mintTls(name);
  }
}
