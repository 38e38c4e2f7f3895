package dev.ferry.volumes.fs;

/**
 * What {@link TreeVerifier} checked.
 *
 * @param entries tree entries compared (files, directories, symlinks)
 * @param files regular files whose content hash was compared
 * @param bytes content bytes hashed on each side
 */
public record VerificationReport(long entries, long files, long bytes) {
}
