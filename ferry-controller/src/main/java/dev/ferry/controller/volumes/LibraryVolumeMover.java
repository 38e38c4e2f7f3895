package dev.ferry.controller.volumes;

import dev.ferry.objectstore.ObjectStore;
import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.TransferProgress;
import dev.ferry.volumes.fs.TreeVerifier;
import dev.ferry.volumes.fs.VolumeMismatchException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** {@link VolumeMover} over the ferry-volumes library. */
public final class LibraryVolumeMover implements VolumeMover {

  @Override
  public TransferProgress copy(Path source, Path destination, ProgressListener listener) throws IOException {
    throw new UnsupportedOperationException("direct copy: waiting for dev.ferry.volumes.direct");
  }

  @Override
  public Snapshot snapshot(ObjectStore store, String prefix, Path root, Map<String, String> tags,
                           ProgressListener listener) throws IOException {
    throw new UnsupportedOperationException("snapshot: waiting for dev.ferry.volumes.repo");
  }

  @Override
  public TransferProgress restore(ObjectStore store, String prefix, String snapshotId, Path destination,
                                  ProgressListener listener) throws IOException {
    throw new UnsupportedOperationException("restore: waiting for dev.ferry.volumes.repo");
  }

  @Override
  public void verify(Path source, Path destination) throws IOException {
    try {
      TreeVerifier.verify(source, destination);
    } catch (VolumeMismatchException e) {
      throw new IOException("verification failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Map<String, String> mintTls(String name) {
    throw new UnsupportedOperationException("TLS: waiting for dev.ferry.volumes.direct");
  }
}
