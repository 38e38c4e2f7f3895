package dev.ferry.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testbed.LocalCluster;
import dev.ferry.testsupport.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Ferry's controller as a separate JVM (ControllerMain), for tests that kill it with SIGKILL. */
public final class ControllerProcess {
  private static final String READY = "ferry controller ready";

  private ControllerProcess() {
  }

  /** Starts it against {@code cluster}'s admin kubeconfig, watching {@code namespace}; returns once it is ready. */
  public static Process start(LocalCluster cluster, String namespace, Path log) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
        ControllerMain.class.getName(), cluster.kubeconfig().toString(), cluster.name(), namespace)
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("FERRY_METRICS_PORT", "0");
    Process process = builder.start();
    // Its log is a file: nothing to watch, so it is read until the line appears.
    String output = Await.until("the controller to start", Duration.ofSeconds(60), Duration.ofMillis(100),
        () -> read(log), out -> out.contains(READY) || !process.isAlive(), out -> { });
    assertThat(output.contains(READY) || process.isAlive()).as("controller exited:\n%s", read(log)).isTrue();
    return process;
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
