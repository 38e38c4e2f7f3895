package dev.ferry.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The images a real node has without any registry: a small test image and the pod sandbox
 * ("pause") image, both one layer holding Debian's static busybox, written here as a
 * {@code docker save} archive; and Ferry's own image, the Jib tarball {@code scripts/build-image.sh}
 * writes. Pods name them and find them already present, so nothing is pulled.
 */
public final class NodeImages {
  /** Busybox with a shell: {@code sh}, {@code sleep}, {@code cat}, {@code dd}, {@code sha256sum}... */
  public static final String TEST_IMAGE = "ferry.test/busybox:1";
  /** The sandbox image: busybox sleeping forever. */
  public static final String PAUSE_IMAGE = "ferry.test/pause:1";
  /** What {@code scripts/build-image.sh} tags Ferry's image (deploy/controller.yaml runs it). */
  public static final String FERRY_IMAGE = "ferry:0.1.0";
  static final Path BUSYBOX = Path.of("/bin/busybox");

  private NodeImages() {
  }

  /** The busybox archive, built once per busybox binary in the cache. */
  static synchronized Path busyboxArchive() {
    if (!Files.isExecutable(BUSYBOX)) {
      throw new TestbedException(BUSYBOX + " is missing; install Debian's busybox-static "
          + "(scripts/install-prerequisites.sh does)");
    }
    try {
      String id = sha256(BUSYBOX).substring(0, 16);
      Path archive = Binaries.cacheRoot().resolve("images").resolve("busybox-" + id + ".tar");
      if (Files.isRegularFile(archive)) {
        return archive;
      }
      Path work = Files.createTempDirectory(Files.createDirectories(archive.getParent()), "build-");
      Path rootfs = work.resolve("rootfs");
      Files.createDirectories(rootfs.resolve("bin"));
      Files.createDirectories(rootfs.resolve("tmp"));
      Files.createDirectories(rootfs.resolve("etc"));
      Files.copy(BUSYBOX, rootfs.resolve("bin/busybox"));
      Files.writeString(rootfs.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
      // One symlink per applet (sh, sleep, cat, ...), beside busybox in /bin.
      for (String applet : HostCommands.run(work, List.of(BUSYBOX.toString(), "--list")).split("\\s+")) {
        if (!applet.isBlank() && !applet.equals("busybox")) {
          Files.createSymbolicLink(rootfs.resolve("bin").resolve(applet), Path.of("busybox"));
        }
      }
      HostCommands.run(work, List.of("tar", "--numeric-owner", "--owner=0", "--group=0", "-cf", "layer.tar", "-C",
          rootfs.toString(), "."));
      String diffId = "sha256:" + sha256(work.resolve("layer.tar"));
      String test = config("null", "[\"sh\"]", diffId);
      String pause = config("[\"/bin/sleep\",\"infinity\"]", "null", diffId);
      String testName = sha256(test) + ".json";
      String pauseName = sha256(pause) + ".json";
      Files.writeString(work.resolve(testName), test);
      Files.writeString(work.resolve(pauseName), pause);
      Files.writeString(work.resolve("manifest.json"), "[{\"Config\":\"" + testName + "\",\"RepoTags\":[\""
          + TEST_IMAGE + "\"],\"Layers\":[\"layer.tar\"]},{\"Config\":\"" + pauseName + "\",\"RepoTags\":[\""
          + PAUSE_IMAGE + "\"],\"Layers\":[\"layer.tar\"]}]");
      Path partial = work.resolve("image.tar");
      HostCommands.run(work, List.of("tar", "-cf", partial.toString(), "-C", work.toString(), "manifest.json", testName,
          pauseName, "layer.tar"));
      Files.move(partial, archive, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      HostCommands.run(archive.getParent(), List.of("rm", "-rf", work.toString()));
      return archive;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the busybox test image", e);
    }
  }

  /**
   * An image built here, with no registry and no network: the busybox layer of {@link #TEST_IMAGE}
   * plus one layer holding {@code files} (path in the image to content; mode 0755, so scripts run),
   * tagged {@code tag}, running {@code entrypoint}. Written as a {@code docker save} archive in
   * {@code directory}, for {@link RealNode#importImage}.
   */
  public static Path archive(String tag, Map<String, String> files, List<String> entrypoint, Path directory) {
    try {
      Path work = Files.createTempDirectory(Files.createDirectories(directory), "image-");
      HostCommands.run(work, List.of("tar", "-xf", busyboxArchive().toString(), "layer.tar"));
      Path rootfs = work.resolve("extra");
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path target = rootfs.resolve(file.getKey().replaceFirst("^/+", ""));
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue());
        Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      HostCommands.run(work, List.of("tar", "--numeric-owner", "--owner=0", "--group=0", "-cf", "extra.tar", "-C",
          rootfs.toString(), "."));
      String json = entrypoint.stream().map(a -> "\"" + a.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
          .collect(java.util.stream.Collectors.joining(",", "[", "]"));
      String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"PATH=/bin\"],"
          + "\"Entrypoint\":" + json + ",\"Cmd\":null},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:"
          + sha256(work.resolve("layer.tar")) + "\",\"sha256:" + sha256(work.resolve("extra.tar")) + "\"]}}";
      String configName = sha256(config) + ".json";
      Files.writeString(work.resolve(configName), config);
      Files.writeString(work.resolve("manifest.json"), "[{\"Config\":\"" + configName + "\",\"RepoTags\":[\""
          + tag + "\"],\"Layers\":[\"layer.tar\",\"extra.tar\"]}]");
      Path archive = directory.resolve(tag.replaceAll("[^A-Za-z0-9.-]", "_") + ".tar");
      HostCommands.run(work, List.of("tar", "-cf", archive.toString(), "-C", work.toString(), "manifest.json",
          configName, "layer.tar", "extra.tar"));
      HostCommands.run(directory, List.of("rm", "-rf", work.toString()));
      return archive;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the image " + tag, e);
    }
  }

  /**
   * Ferry's Jib tarball: {@code -Dferry.image.tar}, {@code $FERRY_IMAGE_TAR}, else
   * {@code ferry-cli/target/ferry-image.tar} in the working directory or one of its parents.
   */
  public static Optional<Path> ferryArchive() {
    String configured = System.getProperty("ferry.image.tar", System.getenv("FERRY_IMAGE_TAR"));
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isRegularFile);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path tar = dir.resolve("ferry-cli/target/ferry-image.tar");
      if (Files.isRegularFile(tar)) {
        return Optional.of(tar);
      }
    }
    return Optional.empty();
  }

  private static String config(String entrypoint, String cmd, String diffId) {
    return "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"PATH=/bin\"],\"Entrypoint\":"
        + entrypoint + ",\"Cmd\":" + cmd + "},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId + "\"]}}";
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
