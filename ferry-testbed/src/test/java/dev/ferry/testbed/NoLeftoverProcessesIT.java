package dev.ferry.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM that started testbed processes leaves none behind when it exits or is terminated. */
class NoLeftoverProcessesIT {

  @Test
  void exitingJvmStopsEveryProcess(@TempDir Path dir) throws Exception {
    Process child = childJvm(dir, false);
    List<Long> pids = readPids(child);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(pids).hasSize(4); // etcd, kube-apiserver, kube-controller-manager, registry
    assertAllGone(pids);
  }

  @Test
  void terminatedJvmStopsEveryProcess(@TempDir Path dir) throws Exception {
    Process child = childJvm(dir, true);
    List<Long> pids = readPids(child);
    pids.forEach(pid -> assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue()));
    child.destroy(); // SIGTERM, as CI or a user's Ctrl-C would
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertAllGone(pids);
  }

  private static Process childJvm(Path dir, boolean wait) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        ChildJvmTestbed.class.getName(), dir.resolve("cluster").toString()));
    if (wait) {
      command.add("wait");
    }
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static List<Long> readPids(Process child) throws Exception {
    List<Long> pids = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream()));
    String line;
    StringBuilder seen = new StringBuilder();
    while ((line = reader.readLine()) != null) {
      seen.append(line).append('\n');
      if (line.startsWith("PID ")) {
        pids.add(Long.parseLong(line.substring(4).trim()));
        if (pids.size() == 4) {
          break;
        }
      }
    }
    assertThat(pids).as("child output:\n%s", seen).hasSize(4);
    return pids;
  }

  private static void assertAllGone(List<Long> pids) {
    for (long pid : pids) {
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .as("process %d still alive", pid).isFalse();
    }
  }
}
