package dev.ferry.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testbed.LocalCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Ferry's controller as a separate JVM (ControllerMain), for tests that kill it with SIGKILL. */
public final class ControllerProcess {
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
    Instant deadline = Instant.now().plusSeconds(60);
    while (!Files.readString(log).contains("ferry controller ready")) {
      assertThat(process.isAlive()).as("controller exited:\n%s", Files.readString(log)).isTrue();
      assertThat(Instant.now()).as("controller did not start:\n%s", Files.readString(log)).isBefore(deadline);
      try {
        Thread.sleep(100); // its log is a file: nothing to watch
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return process;
  }
}
