package dev.ferry.volumes.repo;

import java.time.Duration;

/**
 * What a snapshot did.
 *
 * @param info the published snapshot
 * @param filesRead files whose content was read and chunked
 * @param filesUnchanged files taken from the parent snapshot without reading them
 * @param bytesRead content bytes read from the source
 * @param newChunks chunks the repository did not have
 * @param bytesUploaded bytes written to the object store (packs, pack indexes, tree, header)
 * @param elapsed wall time
 */
public record SnapshotResult(SnapshotInfo info, long filesRead, long filesUnchanged, long bytesRead, long newChunks,
    long bytesUploaded, Duration elapsed) {
}
