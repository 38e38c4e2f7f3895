package dev.ferry.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The tarball {@code mvn package} built (scripts/build-distribution.sh), unpacked once per test JVM
 * into an empty directory and run as a user would: in a process whose environment holds no JDK —
 * no JAVA_HOME, and a PATH of only the few tools the launchers use (no java on it) — and whose
 * HOME is empty (no ~/.kube/config).
 */
public final class UnpackedDistribution {
  private static UnpackedDistribution instance;

  final Path home;
  final Path userHome;
  private final Path tools;

  private UnpackedDistribution(Path home, Path userHome, Path tools) {
    this.home = home;
    this.userHome = userHome;
    this.tools = tools;
  }

  static synchronized UnpackedDistribution get() throws IOException, InterruptedException {
    if (instance == null) {
      Path target = Path.of(System.getProperty("ferry.dist.dir", "target"));
      Path tarball;
      try (Stream<Path> files = Files.list(target)) {
        tarball = files.filter(f -> f.getFileName().toString().matches("ferry-.*-linux-.*\\.tar\\.gz")).findFirst()
            .orElseThrow(() -> new IllegalStateException("no ferry-*-linux-*.tar.gz in " + target
                + ": mvn package builds it (scripts/build-distribution.sh)"));
      }
      Path root = Files.createTempDirectory("ferry-dist-it");
      Path unpacked = Files.createDirectories(root.resolve("unpacked"));
      Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", unpacked.toString())
          .inheritIO().start();
      if (tar.waitFor() != 0) {
        throw new IllegalStateException("tar -xzf " + tarball + " failed");
      }
      Path home;
      try (Stream<Path> dirs = Files.list(unpacked)) {
        home = dirs.findFirst().orElseThrow();
      }
      Path tools = Files.createDirectories(root.resolve("tools"));
      for (String tool : List.of("sh", "bash", "readlink", "dirname", "cat")) {
        Files.createSymbolicLink(tools.resolve(tool), which(tool));
      }
      instance = new UnpackedDistribution(home, Files.createDirectories(root.resolve("home")), tools);
    }
    return instance;
  }

  /** Runs {@code bin/<launcher> args…} in the JDK-free environment; extra PATH entries first. */
  Result run(String launcher, List<Path> morePath, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin").resolve(launcher).toString());
    command.addAll(Arrays.asList(args));
    return exec(command, morePath, env);
  }

  Result ferry(String... args) throws IOException, InterruptedException {
    return run("ferry", List.of(), Map.of(), args);
  }

  /** Runs any command (e.g. bash, kubectl) in the same JDK-free environment. */
  Result exec(List<String> command, List<Path> morePath, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.clear();
    List<String> path = new ArrayList<>(morePath.stream().map(Path::toString).toList());
    path.add(tools.toString());
    environment.put("PATH", String.join(":", path));
    environment.put("HOME", userHome.toString());
    environment.putAll(env);
    Path out = Files.createTempFile("ferry-dist-out", ".txt");
    Path err = Files.createTempFile("ferry-dist-err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " did not finish in 2 minutes");
    }
    Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return result;
  }

  private static Path which(String tool) {
    for (String dir : System.getenv("PATH").split(":")) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(tool + " not found on PATH");
  }

  record Result(int exitCode, String out, String err) {
    String all() {
      return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }
}
