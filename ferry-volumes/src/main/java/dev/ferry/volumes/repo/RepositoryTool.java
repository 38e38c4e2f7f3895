package dev.ferry.volumes.repo;

import dev.ferry.objectstore.FilesystemObjectStore;
import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.fs.VolumeMismatchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small command line over a filesystem repository, for benchmarks and for inspecting a
 * repository by hand (the controller uses {@link SnapshotRepository} directly):
 * <pre>
 *   snapshot --repo DIR --source DIR [--tag k=v]...
 *   restore  --repo DIR --snapshot ID|latest --target DIR [--tag k=v]...
 *   verify   --repo DIR --snapshot ID|latest --target DIR [--tag k=v]...
 *   list     --repo DIR
 * </pre>
 * Exit code 0 on success, 1 on a verification mismatch, 2 on any other error.
 */
public final class RepositoryTool {
  private RepositoryTool() {
  }

  public static void main(String[] args) {
    try {
      System.exit(run(args));
    } catch (Exception e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    }
  }

  static int run(String[] args) throws Exception {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: snapshot|restore|verify|list --repo DIR [options]");
    }
    Map<String, String> opts = new LinkedHashMap<>();
    Map<String, String> tags = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (i + 1 >= args.length || !args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got '" + args[i] + "'");
      }
      String value = args[++i];
      if (args[i - 1].equals("--tag")) {
        int eq = value.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("--tag wants key=value, got '" + value + "'");
        }
        tags.put(value.substring(0, eq), value.substring(eq + 1));
      } else {
        opts.put(args[i - 1].substring(2), value);
      }
    }
    Path repoDir = Path.of(require(opts, "repo"));
    Files.createDirectories(repoDir);
    SnapshotRepository repo = new SnapshotRepository(new FilesystemObjectStore(repoDir), opts.getOrDefault("prefix", ""));
    switch (args[0]) {
      case "snapshot" -> {
        SnapshotResult r = repo.snapshot(Path.of(require(opts, "source")), tags, ProgressListener.NONE);
        System.out.printf("snapshot %s: %d entries, %d bytes; read %d files (%d unchanged, skipped), %d new chunks, "
                + "uploaded %d bytes in %d ms%n", r.info().id(), r.info().entries(), r.info().bytes(), r.filesRead(),
            r.filesUnchanged(), r.newChunks(), r.bytesUploaded(), r.elapsed().toMillis());
      }
      case "restore" -> {
        RestoreResult r = repo.restore(snapshotId(repo, opts, tags), Path.of(require(opts, "target")),
            ProgressListener.NONE);
        System.out.printf("restored: %d files written (%d bytes), %d unchanged, %d removed, downloaded %d bytes in %d ms%n",
            r.filesWritten(), r.bytesWritten(), r.filesUnchanged(), r.entriesRemoved(), r.bytesDownloaded(),
            r.elapsed().toMillis());
      }
      case "verify" -> {
        try {
          var report = repo.verify(snapshotId(repo, opts, tags), Path.of(require(opts, "target")));
          System.out.printf("verified: %d entries, %d files, %d bytes match%n", report.entries(), report.files(),
              report.bytes());
        } catch (VolumeMismatchException e) {
          System.err.println(e.getMessage());
          return 1;
        }
      }
      case "list" -> {
        List<String> lines = new ArrayList<>();
        for (SnapshotInfo s : repo.list()) {
          lines.add(s.shortId() + "  " + s.time() + "  " + s.entries() + " entries  " + s.bytes() + " bytes  " + s.tags());
        }
        lines.forEach(System.out::println);
      }
      default -> throw new IllegalArgumentException("unknown command '" + args[0] + "': use snapshot, restore, verify or list");
    }
    return 0;
  }

  private static String snapshotId(SnapshotRepository repo, Map<String, String> opts, Map<String, String> tags) {
    String id = require(opts, "snapshot");
    if (!id.equals("latest")) {
      return id;
    }
    return repo.latest(tags).orElseThrow(() -> new IllegalArgumentException("no snapshot matches tags " + tags)).id();
  }

  private static String require(Map<String, String> opts, String name) {
    String v = opts.get(name);
    if (v == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return v;
  }
}
