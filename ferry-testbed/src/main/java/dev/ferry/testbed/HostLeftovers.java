package dev.ferry.testbed;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a real node can leave on the machine — mounts (the kubelet's self-bind-mounted root,
 * volumes, network namespaces, container root file systems), shim and container processes, its
 * bridge, container log links — found, and removed. Used after a clean stop (to prove it was
 * clean) and before reusing a node directory a killed run left behind.
 */
final class HostLeftovers {
  static final Path CONTAINER_LOG_LINKS = Path.of("/var/log/containers");

  private HostLeftovers() {
  }

  /** A description of each leftover of the node in {@code dir} with {@code bridge}; empty when clean. */
  static List<String> find(Path dir, String bridge) {
    List<String> found = new ArrayList<>();
    mountsUnder(dir).forEach(m -> found.add("mount " + m));
    processesMentioning(dir.toString()).forEach(p -> found.add("process " + p + " " + commandLine(p)));
    if (Files.exists(Path.of("/sys/class/net", bridge))) {
      found.add("network interface " + bridge);
    }
    logLinksInto(dir).forEach(l -> found.add("container log link " + l));
    return found;
  }

  /** Kills, unmounts and deletes whatever the node in {@code dir} left; best effort, never throws. */
  static void remove(Path dir, String bridge) {
    long self = ProcessHandle.current().pid();
    for (long pid : processesMentioning(dir.toString())) {
      if (pid != self) {
        ProcessHandle.of(pid).ifPresent(p -> {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
        });
      }
    }
    // Deepest first; lazy, so a mount still busy for a moment does not keep the rest.
    mountsUnder(dir).stream().sorted(Comparator.comparingInt(String::length).reversed())
        .forEach(m -> HostCommands.tryRun(Path.of("/"), List.of("umount", "-l", m)));
    if (Files.exists(Path.of("/sys/class/net", bridge))) {
      HostCommands.tryRun(Path.of("/"), List.of("ip", "link", "delete", bridge));
    }
    for (Path link : logLinksInto(dir)) {
      try {
        Files.deleteIfExists(link);
      } catch (IOException e) {
        // reported by find()
      }
    }
  }

  /** Mount points at or under {@code dir}, from /proc/self/mountinfo. */
  static List<String> mountsUnder(Path dir) {
    List<String> mounts = new ArrayList<>();
    String prefix = dir.toString();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String[] fields = line.split(" ");
        if (fields.length > 4) {
          String point = fields[4].replace("\\040", " ");
          if (point.equals(prefix) || point.startsWith(prefix + "/")) {
            mounts.add(point);
          }
        }
      }
    } catch (IOException e) {
      throw new TestbedException("cannot read /proc/self/mountinfo: " + e.getMessage(), e);
    }
    return mounts;
  }

  /** Pids whose command line contains {@code text} (shims name the node's socket), this JVM excepted. */
  static List<Long> processesMentioning(String text) {
    long self = ProcessHandle.current().pid();
    return ProcessHandle.allProcesses().map(ProcessHandle::pid).filter(pid -> pid != self)
        .filter(pid -> commandLine(pid).contains(text)).toList();
  }

  private static String commandLine(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }

  private static List<Path> logLinksInto(Path dir) {
    List<Path> links = new ArrayList<>();
    if (!Files.isDirectory(CONTAINER_LOG_LINKS)) {
      return links;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(CONTAINER_LOG_LINKS)) {
      for (Path entry : entries) {
        if (Files.isSymbolicLink(entry) && Files.readSymbolicLink(entry).startsWith(dir)) {
          links.add(entry);
        }
      }
    } catch (IOException e) {
      // unreadable: nothing of ours can be found there either
    }
    return links;
  }
}
