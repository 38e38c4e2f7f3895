package dev.ferry.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Driver of bench/run-images.sh (not a test). {@code push <registry> <refs-file>} builds a set of
 * images with shared base layers (and one two-platform index) and pushes them;
 * {@code copy <from> <to> <refs-file> [<warm-up registry>]} copies them all with Ferry and prints
 * {@code seconds bytesSent blobsCopied blobsSkipped blobsMounted}. With a warm-up registry, the
 * images are first copied there untimed: Ferry runs in a long-lived controller, so the timed copy
 * is the one of a warm JVM (skopeo, a native CLI, has no warm-up to do).
 */
public final class ImageCopyBenchmark {
  private static final int MIB = 1024 * 1024;

  private ImageCopyBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("push")) {
      push(args[1], Path.of(args[2]));
    } else if ((args.length == 4 || args.length == 5) && args[0].equals("copy")) {
      double coldSeconds = args.length == 5 ? copy(args[1], args[4], Path.of(args[3]), false) : 0;
      copy(args[1], args[2], Path.of(args[3]), true);
      System.out.printf("COLD %.2f%n", coldSeconds);
    } else {
      System.err.println("usage: push <registry> <refs-file> | copy <from-registry> <to-registry> <refs-file>");
      System.exit(2);
    }
  }

  private static void push(String registry, Path refsFile) {
    Random random = new Random(20261128);
    RegistryClient client = new RegistryClient(RegistryEndpoint.anonymous(registry));
    TestImages.Layer baseA = layer(random, "base-a", 64 * MIB);
    TestImages.Layer baseB = layer(random, "base-b", 32 * MIB);
    List<String> refs = new ArrayList<>();
    long unique = baseA.gzip().length + baseB.gzip().length;
    for (int i = 0; i < 8; i++) {
      TestImages.Layer base = i < 4 ? baseA : baseB;
      TestImages.Layer deps = layer(random, "deps-" + i, (4 + i) * MIB);
      TestImages.Layer app = layer(random, "app-" + i, (2 + i % 3) * MIB);
      unique += deps.gzip().length + app.gzip().length;
      String repo = "bench/app" + i;
      Manifest m = TestImages.pushImage(client, repo, "linux", "amd64", List.of(base, deps, app), i % 2 == 0);
      client.putManifest(repo, "v1", m);
      refs.add(repo + ":v1");
    }
    TestImages.Layer amd = layer(random, "amd", 8 * MIB);
    TestImages.Layer arm = layer(random, "arm", 8 * MIB);
    unique += amd.gzip().length + arm.gzip().length;
    Manifest amdImage = TestImages.pushImage(client, "bench/multi", "linux", "amd64", List.of(baseA, amd), true);
    Manifest armImage = TestImages.pushImage(client, "bench/multi", "linux", "arm64", List.of(baseA, arm), true);
    TestImages.pushIndex(client, "bench/multi", "v1", List.of(amdImage, armImage), List.of("linux/amd64", "linux/arm64"));
    refs.add("bench/multi:v1");
    try {
      Files.write(refsFile, refs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("RESULT " + refs.size() + " " + unique);
  }

  /** Copies every image; prints (and returns) the seconds it took. */
  private static double copy(String from, String to, Path refsFile, boolean report) throws IOException {
    List<String> refs = Files.readAllLines(refsFile);
    long bytes = 0;
    int copied = 0;
    int skipped = 0;
    int mounted = 0;
    long start = System.nanoTime();
    try (Registries registries = new Registries()) {
      ImageCopier copier = new ImageCopier(registries);
      for (String ref : refs) {
        ImageRef src = ImageRef.parse(from + "/" + ref);
        CopyResult r = copier.copy(src, src.inRepository(to, src.repository()), CopyOptions.DEFAULTS);
        bytes += r.bytesSent();
        copied += r.blobsCopied();
        skipped += r.blobsSkipped();
        mounted += r.blobsMounted();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf((report ? "RESULT " : "warm-up ") + "%.2f %d %d %d %d%n", seconds, bytes, copied, skipped,
        mounted);
    return seconds;
  }

  /** A gzip tar layer of random content, compressed fast (random data does not compress anyway). */
  private static TestImages.Layer layer(Random random, String name, int size) {
    byte[] data = new byte[size];
    random.nextBytes(data);
    byte[] tar = TestImages.tar(name + ".bin", data);
    ByteArrayOutputStream out = new ByteArrayOutputStream(size + size / 50);
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    }) {
      gz.write(tar);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TestImages.Layer(out.toByteArray(), Digests.sha256(tar));
  }
}
