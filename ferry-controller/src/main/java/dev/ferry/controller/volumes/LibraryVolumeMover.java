package dev.ferry.controller.volumes;

import dev.ferry.objectstore.ObjectStore;
import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.TransferProgress;
import dev.ferry.volumes.direct.DirectOptions;
import dev.ferry.volumes.direct.DirectTransfer;
import dev.ferry.volumes.direct.MigrationCertificates;
import dev.ferry.volumes.direct.TransferResult;
import dev.ferry.volumes.fs.TreeVerifier;
import dev.ferry.volumes.fs.VolumeMismatchException;
import dev.ferry.volumes.mover.MoverTlsFiles;
import dev.ferry.volumes.repo.RestoreResult;
import dev.ferry.volumes.repo.SnapshotInfo;
import dev.ferry.volumes.repo.SnapshotRepository;
import dev.ferry.volumes.repo.SnapshotResult;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.Map;

/** {@link VolumeMover} over the ferry-volumes library. */
public final class LibraryVolumeMover implements VolumeMover {

  @Override
  public TransferProgress copy(Path source, Path destination, ProgressListener listener) throws IOException {
    TransferResult result = DirectTransfer.copyLocal(source, destination, DirectOptions.defaults(), listener);
    return progress(result);
  }

  /** A finished direct transfer in the controller's terms. */
  public static TransferProgress progress(TransferResult result) {
    return new TransferProgress(result.bytesTotal(), result.bytesTotal(), result.filesTotal(), result.filesTotal(),
        result.bytesSent(), result.duration());
  }

  @Override
  public Snapshot snapshot(ObjectStore store, String prefix, Path root, Map<String, String> tags,
                           ProgressListener listener) throws IOException {
    try {
      SnapshotResult result = new SnapshotRepository(store, prefix).snapshot(root, tags, listener);
      SnapshotInfo info = result.info();
      return new Snapshot(info.id(), new TransferProgress(info.bytes(), info.bytes(), info.files(), info.files(),
          result.bytesUploaded(), result.elapsed()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("snapshot of " + root + " interrupted");
    }
  }

  @Override
  public TransferProgress restore(ObjectStore store, String prefix, String snapshotId, Path destination,
                                  ProgressListener listener) throws IOException {
    try {
      SnapshotRepository repository = new SnapshotRepository(store, prefix);
      SnapshotInfo info = repository.get(snapshotId);
      RestoreResult result = repository.restore(snapshotId, destination, listener);
      return new TransferProgress(info.bytes(), info.bytes(), info.files(), info.files(), result.bytesDownloaded(),
          result.elapsed());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("restore of snapshot " + snapshotId + " interrupted");
    }
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
    return MoverTlsFiles.of(MigrationCertificates.mint(name));
  }
}
