package dev.ferry.cli.testbed;

import dev.ferry.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry testbed up|status|env|down}: two clusters in the background, and nothing left after down. */
class TestbedCommandIT {

  @Test
  void upStatusEnvDown(@TempDir Path dir) throws Exception {
    String d = dir.toString();
    CliRun up = CliRun.of("testbed", "up", "--dir", d);
    assertThat(up.exitCode()).as(up.err()).isZero();
    assertThat(up.out()).contains("export KUBECONFIG=" + dir.resolve("kubeconfig"));

    TestbedState.Published published = new TestbedState(dir).read().orElseThrow();
    assertThat(published.clusters()).containsOnlyKeys("source", "destination");
    List<Long> pids = published.componentPids();
    assertThat(pids).hasSizeGreaterThanOrEqualTo(12); // 6 processes per cluster

    CliRun status = CliRun.of("testbed", "status", "--dir", d);
    assertThat(status.out()).containsPattern("source\\s+https://127\\.0\\.0\\.1:\\d+\\s+Ready\\s+2")
        .containsPattern("destination\\s+https://127\\.0\\.0\\.1:\\d+\\s+Ready\\s+2");
    assertThat(CliRun.of("testbed", "env", "--dir", d).out().strip())
        .isEqualTo("export KUBECONFIG=" + dir.resolve("kubeconfig"));
    // up again is a no-op while it runs
    assertThat(CliRun.of("testbed", "up", "--dir", d).out()).contains("already running");

    CliRun down = CliRun.of("testbed", "down", "--dir", d);
    assertThat(down.exitCode()).isZero();
    assertThat(pids).allSatisfy(pid ->
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid %d", pid).isFalse());
    assertThat(ProcessHandle.of(published.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    for (TestbedState.ClusterInfo cluster : published.clusters().values()) {
      int port = URI.create(cluster.url()).getPort();
      assertThat(canConnect(port)).as("API server port %d still open", port).isFalse();
    }
    assertThat(CliRun.of("testbed", "status", "--dir", d).exitCode()).isEqualTo(3);
  }

  private static boolean canConnect(int port) {
    try (Socket ignored = new Socket("127.0.0.1", port)) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
