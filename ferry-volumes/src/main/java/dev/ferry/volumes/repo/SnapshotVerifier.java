package dev.ferry.volumes.repo;

import dev.ferry.volumes.fs.FileEntry;
import dev.ferry.volumes.fs.TreeScanner;
import dev.ferry.volumes.fs.TreeVerifier;
import dev.ferry.volumes.fs.VerificationReport;
import dev.ferry.volumes.fs.VolumeMismatchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a restored tree against a snapshot's tree with {@code TreeVerifier}'s rules (same entries,
 * kinds, sizes, modes, owners, mtimes, link targets, hard-link structure, nothing extra), the
 * content side coming from the snapshot's chunk lists instead of a second tree: each destination
 * file is re-chunked and its chunk ids must equal the snapshot's.
 */
final class SnapshotVerifier {
  private final FileChunking chunking;

  SnapshotVerifier(RepositoryOptions options) {
    this.chunking = new FileChunking(options.chunker());
  }

  VerificationReport verify(List<SnapshotEntry> tree, Path destination) throws IOException, VolumeMismatchException {
    Map<String, FileEntry> actual = new LinkedHashMap<>();
    for (FileEntry e : TreeScanner.scan(destination)) {
      actual.put(e.path(), e);
    }
    List<String> mismatches = new ArrayList<>();
    List<SnapshotEntry> toHash = new ArrayList<>();
    for (SnapshotEntry se : tree) {
      FileEntry want = se.entry();
      FileEntry have = actual.remove(want.path());
      if (have == null) {
        mismatches.add(want.path() + ": missing on destination");
        continue;
      }
      int before = mismatches.size();
      TreeVerifier.compareMetadata(want, have, mismatches);
      if (mismatches.size() == before && want.hasOwnContent()) {
        toHash.add(se);
      }
    }
    for (FileEntry extra : actual.values()) {
      mismatches.add(extra.path() + ": extra on destination (" + extra.kind().name().toLowerCase()
          + " not in the snapshot)");
    }
    try {
      toHash.parallelStream().map(se -> {
        try {
          return chunking.chunkIds(destination.resolve(se.path())).equals(se.chunks()) ? null
              : se.path() + ": content differs from the snapshot's chunks";
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new RepositoryException("verification interrupted", e);
        }
      }).filter(Objects::nonNull).forEachOrdered(mismatches::add);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (!mismatches.isEmpty()) {
      throw new VolumeMismatchException(mismatches);
    }
    return new VerificationReport(tree.size(), toHash.size(), toHash.stream().mapToLong(s -> s.entry().size()).sum());
  }
}
