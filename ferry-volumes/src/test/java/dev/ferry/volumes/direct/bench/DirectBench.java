package dev.ferry.volumes.direct.bench;

import dev.ferry.volumes.direct.DirectOptions;
import dev.ferry.volumes.direct.DirectTransfer;
import dev.ferry.volumes.direct.TransferResult;
import dev.ferry.volumes.fs.TreeVerifier;
import dev.ferry.volumes.fs.VerificationReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Random;

/**
 * Ferry's side of bench/run-volumes-direct.sh:
 * <pre>
 *   generate DIR [smallFiles] [largeFiles] [largeMiB]   deterministic mixed data set
 *   mutate DIR                                           rewrite 1 % of each large file's bytes (64 KiB runs)
 *   copy SRC DST [--plaintext] [--connections N]         DirectTransfer.copyLocal, prints one result line
 *   verify SRC DST                                       TreeVerifier
 * </pre>
 */
public final class DirectBench {
  private DirectBench() {
  }

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "generate" -> generate(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 30_000,
          args.length > 3 ? Integer.parseInt(args[3]) : 4, args.length > 4 ? Integer.parseInt(args[4]) : 200);
      case "mutate" -> mutate(Path.of(args[1]));
      case "copy" -> copy(Path.of(args[1]), Path.of(args[2]), args);
      case "verify" -> {
        VerificationReport r = TreeVerifier.verify(Path.of(args[1]), Path.of(args[2]));
        System.out.printf("verified %d entries, %d files, %d bytes%n", r.entries(), r.files(), r.bytes());
      }
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  private static void copy(Path src, Path dst, String[] args) throws IOException {
    DirectOptions o = DirectOptions.defaults();
    for (int i = 3; i < args.length; i++) {
      if (args[i].equals("--plaintext")) {
        o = o.withPlaintextForTesting(true);
      } else if (args[i].equals("--connections")) {
        o = o.withConnections(Integer.parseInt(args[++i]));
      }
    }
    long t0 = System.nanoTime();
    TransferResult r = DirectTransfer.copyLocal(src, dst, o, null);
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf("ferry copy: %.2f s in-process, files %d/%d sent, bytes total %d, sent %d, received %d,"
        + " unchanged %d, deleted %d%n", secs, r.filesSent(), r.filesTotal(), r.bytesTotal(), r.bytesSent(),
        r.bytesReceived(), r.bytesUnchanged(), r.entriesDeleted());
  }

  /** Small files of 1–16 KiB in 100 directories, a few large files, a sparse file, links; fixed seeds, fixed mtimes. */
  static void generate(Path root, int smallFiles, int largeFiles, int largeMiB) throws IOException {
    Random rnd = new Random(20261128);
    FileTime t = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
    byte[] buf = new byte[1 << 20];
    for (int i = 0; i < smallFiles; i++) {
      Path dir = Files.createDirectories(root.resolve("small/d" + (i % 100)));
      byte[] b = new byte[1024 + rnd.nextInt(15 * 1024)];
      rnd.nextBytes(b);
      Path f = dir.resolve("f" + i + ".dat");
      Files.write(f, b);
      Files.setLastModifiedTime(f, t);
    }
    Files.createDirectories(root.resolve("large"));
    for (int i = 0; i < largeFiles; i++) {
      Path f = root.resolve("large/l" + i + ".bin");
      try (OutputStream out = Files.newOutputStream(f)) {
        for (int m = 0; m < largeMiB; m++) {
          rnd.nextBytes(buf);
          out.write(buf);
        }
      }
      Files.setLastModifiedTime(f, t);
    }
    // A sparse file (a VM disk image or database file with unallocated regions): 256 MiB apparent,
    // 8 MiB of data in four runs; and links, which every tool must carry over as links.
    Path sparse = Files.createDirectories(root.resolve("sparse")).resolve("disk.img");
    try (RandomAccessFile raf = new RandomAccessFile(sparse.toFile(), "rw")) {
      raf.setLength(256L << 20);
      for (int k = 0; k < 4; k++) {
        rnd.nextBytes(buf);
        raf.seek(k * (64L << 20));
        raf.write(buf);
        raf.write(buf);
      }
    }
    Files.setLastModifiedTime(sparse, t);
    Path links = Files.createDirectories(root.resolve("links"));
    for (int i = 0; i < Math.min(100, smallFiles); i++) {
      Files.createSymbolicLink(links.resolve("s" + i), Path.of("../small/d" + (i % 100) + "/f" + i + ".dat"));
      Files.createLink(links.resolve("h" + i), root.resolve("small/d" + (i % 100) + "/f" + i + ".dat"));
    }
  }

  /** Rewrites 1 % of each large file's bytes in 64 KiB runs at random places (same size, new mtime). */
  static void mutate(Path root) throws IOException {
    Random rnd = new Random(7);
    long changed = 0;
    try (var files = Files.list(root.resolve("large"))) {
      for (Path f : files.sorted().toList()) {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
          int runs = (int) (raf.length() / 100 / (64 << 10));
          byte[] run = new byte[64 << 10];
          for (int r = 0; r < runs; r++) {
            rnd.nextBytes(run);
            raf.seek((long) (rnd.nextDouble() * (raf.length() - run.length)));
            raf.write(run);
            changed += run.length;
          }
        }
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-02-01T00:00:00Z")));
      }
    }
    System.out.println("changed bytes: " + changed);
  }
}
