package dev.ferry.cli.mover;

import dev.ferry.objectstore.ObjectStore;
import dev.ferry.volumes.repo.SnapshotRepository;
import dev.ferry.volumes.repo.SnapshotResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Indirect transfer, source side: a deduplicated snapshot of the volume in the replication repository. */
@Command(name = "snapshot", description = "Snapshot a volume into the replication repository (only new chunks are "
    + "uploaded); prints the snapshot id.")
class MoverSnapshotCommand extends MoverTask {
  @Option(names = "--root", required = true, paramLabel = "DIR", description = "The volume's directory.")
  Path root;

  @Option(names = "--tag", paramLabel = "KEY=VALUE",
      description = "Labels of the snapshot (e.g. plan=<uid>, pvc=ns/name); the latest with the same tags is its parent.")
  List<String> tags;

  @Mixin
  RepositoryOptions repository;

  @Override
  void run(PrintWriter out) throws IOException, InterruptedException {
    try (ObjectStore store = repository.open(spec, System.getenv())) {
      SnapshotResult result = new SnapshotRepository(store, repository.prefix).snapshot(root,
          Tags.parse(spec, tags), new ProgressPrinter(out, "snapshot"));
      out.println("uploaded " + result.bytesUploaded() + " bytes (" + result.filesRead() + " files read, "
          + result.filesUnchanged() + " unchanged)");
      out.println("snapshot " + result.info().id());
    }
  }
}
