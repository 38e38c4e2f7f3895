package dev.ferry.controller.volumes;

import dev.ferry.objectstore.ObjectStore;
import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.TransferProgress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The transfers a launcher runs, over the ferry-volumes library: the in-process launcher calls
 * them directly, the pods of the Job launcher through {@code ferry mover}, which uses the same
 * library. Each returns the transfer's last progress (bytes done, sent, files, time).
 */
public interface VolumeMover {
  /** Direct copy: sends only what differs between {@code source} and {@code destination}. */
  TransferProgress copy(Path source, Path destination, ProgressListener listener) throws IOException;

  /** Snapshots {@code root} into the repository; returns the snapshot's id and its progress. */
  Snapshot snapshot(ObjectStore store, String prefix, Path root, Map<String, String> tags, ProgressListener listener)
      throws IOException;

  TransferProgress restore(ObjectStore store, String prefix, String snapshotId, Path destination,
                           ProgressListener listener) throws IOException;

  /** Compares the two trees file by file; throws naming the first file that differs. */
  void verify(Path source, Path destination) throws IOException;

  /**
   * Mints the per-transfer mutual-TLS material (CA, receiver and sender certificates and keys)
   * as PEM files by name, the contents of the directory given to {@code ferry mover --tls-dir}.
   */
  Map<String, String> mintTls(String name);

  record Snapshot(String id, TransferProgress progress) {
  }
}
