package dev.ferry.volumes.repo;

import java.time.Duration;

/**
 * What a restore did.
 *
 * @param filesWritten files whose content was written
 * @param filesUnchanged files already identical on the destination (content not rewritten)
 * @param entriesRemoved destination entries not in the snapshot, removed
 * @param bytesWritten content bytes written
 * @param bytesDownloaded bytes read from the object store (packs, tree, header)
 * @param elapsed wall time
 */
public record RestoreResult(long filesWritten, long filesUnchanged, long entriesRemoved, long bytesWritten,
    long bytesDownloaded, Duration elapsed) {
}
