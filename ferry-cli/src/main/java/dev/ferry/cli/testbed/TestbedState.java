package dev.ferry.cli.testbed;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a running testbed daemon has published in its directory: its pid, the clusters' API
 * URLs and the kubeconfig with one context per cluster.
 */
public final class TestbedState {
  private final Path dir;

  public TestbedState(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public Path kubeconfig() {
    return dir.resolve("kubeconfig");
  }

  Path daemonLog() {
    return dir.resolve("testbed.log");
  }

  private Path stateFile() {
    return dir.resolve("state.json");
  }

  /** The published state, if a daemon wrote one. */
  public Optional<Published> read() {
    if (!Files.isRegularFile(stateFile())) {
      return Optional.empty();
    }
    try {
      return Optional.of(Serialization.jsonMapper().readValue(stateFile().toFile(), new TypeReference<Published>() {
      }));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The daemon's process, if its state is published and the process still runs. */
  Optional<ProcessHandle> liveDaemon() {
    return read().flatMap(p -> ProcessHandle.of(p.pid())).filter(ProcessHandle::isAlive);
  }

  void publish(Published published) {
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve("state.json.tmp");
      Files.writeString(tmp, Serialization.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(published));
      Files.move(tmp, stateFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void clear() {
    try {
      Files.deleteIfExists(stateFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON document in {@code state.json}. */
  public record Published(long pid, String kubeconfig, Map<String, ClusterInfo> clusters, List<Long> componentPids) {
    public Published {
      clusters = clusters == null ? Map.of() : new LinkedHashMap<>(clusters);
      componentPids = componentPids == null ? List.of() : List.copyOf(componentPids);
    }
  }

  public record ClusterInfo(String url, String dir, String registry) {
  }
}
