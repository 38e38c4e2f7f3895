package dev.ferry.bench;

import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Small helpers of the benchmarks: machine readings, sizes, files, console lines. */
final class BenchSupport {
  private BenchSupport() {
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  static String peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return line.substring(6).strip();
        }
      }
    } catch (IOException ignored) {
      // not Linux
    }
    return "unknown";
  }

  static String mib(long bytes) {
    double m = bytes / 1024.0 / 1024.0;
    return String.format(Locale.ROOT, m < 10 ? "%.1f MiB" : "%.0f MiB", m);
  }

  static List<Long> pids(LocalCluster cluster) {
    return cluster.processes().stream().map(ManagedProcess::pid).toList();
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static double secondsSince(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  static long size(Path dir) {
    try (var paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file);
      return String.join(" | ", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(" + e.getMessage() + ")";
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static void say(String line) {
    System.err.println("[bench] " + line);
  }

  static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
