package dev.ferry.volumes.direct;

import java.time.Duration;

/**
 * Outcome of one direct transfer run.
 *
 * @param filesTotal regular files in the source tree
 * @param filesSent files whose content was (re)written on the destination, fully or as a delta
 * @param bytesTotal content bytes of the source tree (hard-linked content once)
 * @param bytesSent bytes the sender put on the wire (protocol payload, before TLS framing)
 * @param bytesReceived bytes the sender read from the wire (scan, chunk lists, acks)
 * @param bytesUnchanged content bytes not sent because the destination already had them
 *     (unchanged files, resumed partial data, delta chunks the destination had)
 * @param entriesDeleted destination entries removed because the source no longer has them
 * @param duration wall time of the run
 */
public record TransferResult(long filesTotal, long filesSent, long bytesTotal, long bytesSent, long bytesReceived,
    long bytesUnchanged, long entriesDeleted, Duration duration) {
}
