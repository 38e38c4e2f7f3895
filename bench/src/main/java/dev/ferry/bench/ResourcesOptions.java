package dev.ferry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The command line of {@link ResourcesBenchmark}; a bad option is an IllegalArgumentException saying which. */
record ResourcesOptions(int objects, int threads, Path kubectl, boolean kubectlFirst, Path workDir, boolean keep,
                        int veleroRuns) {
  static ResourcesOptions parse(String[] args) {
    int objects = 10_000;
    int threads = 8;
    Path kubectl = Path.of("/usr/bin/kubectl");
    boolean kubectlFirst = false;
    Path workDir = null;
    boolean keep = false;
    int veleroRuns = 3;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--objects" -> objects = Integer.parseInt(value(args, ++i));
        case "--threads" -> threads = Integer.parseInt(value(args, ++i));
        case "--kubectl" -> kubectl = Path.of(value(args, ++i));
        case "--no-kubectl" -> kubectl = null;
        case "--kubectl-first" -> kubectlFirst = true;
        case "--work-dir" -> workDir = Path.of(value(args, ++i));
        case "--keep" -> keep = true;
        case "--no-velero" -> veleroRuns = 0;
        case "--velero-runs" -> veleroRuns = Integer.parseInt(value(args, ++i));
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; options: --objects N, --threads N, --kubectl PATH, --no-kubectl, --kubectl-first, --work-dir DIR, "
            + "--keep, --no-velero, --velero-runs N");
      }
    }
    if (objects < 10) {
      throw new IllegalArgumentException("--objects must be at least 10");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1");
    }
    if (workDir != null && Files.isDirectory(workDir)) {
      try (var entries = Files.list(workDir)) {
        if (entries.findAny().isPresent()) {
          // The work dir is deleted afterwards: never take one that holds something else.
          throw new IllegalArgumentException("--work-dir " + workDir + " is not empty; name a new or empty directory");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (veleroRuns < 0) {
      throw new IllegalArgumentException("--velero-runs must be at least 0");
    }
    return new ResourcesOptions(objects, threads, kubectl, kubectlFirst, workDir, keep, veleroRuns);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }
}
