package dev.ferry.cli.mover;

import dev.ferry.objectstore.ObjectStore;
import dev.ferry.volumes.repo.RestoreResult;
import dev.ferry.volumes.repo.SnapshotInfo;
import dev.ferry.volumes.repo.SnapshotRepository;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Indirect transfer, destination side: makes the volume equal to a snapshot (unchanged files are kept). */
@Command(name = "restore", description = "Restore a volume snapshot from the replication repository into a directory.")
class MoverRestoreCommand extends MoverTask {
  @Option(names = "--snapshot", required = true, paramLabel = "ID",
      description = "Snapshot id (or unique prefix), or 'latest' with --tag.")
  String snapshot;

  @Option(names = "--root", required = true, paramLabel = "DIR", description = "The volume's directory.")
  Path root;

  @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "With --snapshot latest: the tags to match.")
  List<String> tags;

  @Mixin
  RepositoryOptions repository;

  @Override
  void run(PrintWriter out) throws IOException, InterruptedException {
    try (ObjectStore store = repository.open(spec, System.getenv())) {
      SnapshotRepository snapshots = new SnapshotRepository(store, repository.prefix);
      String id = snapshot;
      if ("latest".equals(snapshot)) {
        Map<String, String> wanted = Tags.parse(spec, tags);
        if (wanted.isEmpty()) {
          throw new ParameterException(spec.commandLine(), "--snapshot latest needs --tag to say which volume's");
        }
        id = snapshots.latest(wanted).map(SnapshotInfo::id).orElseThrow(() -> new IOException(
            "no snapshot tagged " + wanted + " in " + store.describe() + "; run `ferry mover snapshot` first"));
      }
      RestoreResult result = snapshots.restore(id, root, new ProgressPrinter(out, "restore"));
      out.println("restored snapshot " + id + " into " + root + ": " + result.filesWritten() + " files written, "
          + result.filesUnchanged() + " unchanged, " + result.entriesRemoved() + " removed");
    }
  }
}
