package dev.ferry.bench;

import static dev.ferry.bench.BenchSupport.mib;
import static dev.ferry.bench.BenchSupport.say;
import static dev.ferry.bench.BenchSupport.secondsSince;
import static dev.ferry.bench.BenchSupport.tail;
import static dev.ferry.bench.ResourcesBenchmark.KUBECTL_NS;
import static dev.ferry.bench.ResourcesSeeder.SOURCE_NS;
import static dev.ferry.bench.ResourcesSeeder.count;

import dev.ferry.testbed.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a user would script instead of Ferry: {@code kubectl get -o json}, a small rewrite
 * ({@link KubectlListRewrite}), {@code kubectl create -f}; each command measured with its CPU
 * and peak RSS.
 */
final class KubectlResourcesRun {
  private final Path kubectlPath;
  private final PhaseMeter meters;
  private final ResourcesReport report;
  private final Map<String, Integer> expected;

  KubectlResourcesRun(Path kubectlPath, PhaseMeter meters, ResourcesReport report, Map<String, Integer> expected) {
    this.kubectlPath = kubectlPath;
    this.meters = meters;
    this.report = report;
    this.expected = expected;
  }

  /** get -o json, rewrite, create -f; false if a command failed or the counts differ. */
  boolean run(LocalCluster source, LocalCluster destination, Path work) throws Exception {
    boolean ok = true;
    Path dir = Files.createDirectories(work.resolve("kubectl"));
    String kubectl = kubectlPath.toString();
    String src = source.kubeconfig().toString();
    String dst = destination.kubeconfig().toString();
    Path exported = dir.resolve("bench-src.json");
    Path rewritten = dir.resolve("bench-kubectl.json");

    Exec version = exec(dir, "version", List.of(kubectl, "--kubeconfig", dst, "version"), null);
    report.note("kubectl: " + version.stdout().strip().replace('\n', ';').replaceAll(" +", " ")
        + " (" + kubectlPath + ")");

    say("kubectl get -o json of " + SOURCE_NS + " ...");
    PhaseMeter.Meter meter = meters.start(source);
    Exec get = exec(dir, "get", List.of(kubectl, "--kubeconfig", src, "get", "configmaps,secrets,services",
        "-n", SOURCE_NS, "-o", "json"), exported);
    PhaseMeter.Measured m = meter.stop(get.cpuSeconds());
    report.kubectlGet = report.add("kubectl get configmaps,secrets,services -o json", "", m, null,
        exitNote(get) + "; file " + mib(Files.size(exported)) + get.rssNote());
    say(String.format(Locale.ROOT, "  %.1f s", m.seconds()));

    meter = meters.start(destination);
    int kept = KubectlListRewrite.rewrite(exported, rewritten, KUBECTL_NS);
    m = meter.stop(0);
    report.kubectlRewrite = report.add("rewrite (namespace, drop uid/resourceVersion/…/clusterIP), in this JVM",
        String.valueOf(kept), new PhaseMeter.Measured(m.seconds(), m.clientCpu(), 0, m.otherCpu()), null,
        "the user's jq step; Jackson tree, not streamed");

    say("kubectl create -f into " + KUBECTL_NS + " ...");
    meter = meters.start(destination);
    Exec ns = exec(dir, "create-namespace", List.of(kubectl, "--kubeconfig", dst, "create", "namespace",
        KUBECTL_NS), null);
    Exec create = exec(dir, "create", List.of(kubectl, "--kubeconfig", dst, "create", "-f", rewritten.toString()),
        null);
    m = meter.stop(ns.cpuSeconds() + create.cpuSeconds());
    Map<String, Integer> counted = count(destination.client(), KUBECTL_NS);
    boolean match = counted.equals(expected);
    report.kubectlCreate = report.add("kubectl create namespace + kubectl create -f", "", m, null,
        exitNote(ns) + "/" + exitNote(create) + "; destination " + counted
            + (match ? " = source" : " != source " + expected) + create.rssNote());
    say(String.format(Locale.ROOT, "  %.1f s; destination %s", m.seconds(), counted));
    if (!match || get.exit() != 0 || create.exit() != 0) {
      ok = false;
    }
    return ok;
  }

  /** One finished command: exit code, wall time, its peak RSS if /usr/bin/time could measure it. */
  record Exec(int exit, double seconds, String stdout, long maxRssKib, double cpuSeconds) {
    String rssNote() {
      return maxRssKib > 0 ? "; kubectl max RSS " + maxRssKib / 1024 + " MiB" : "";
    }
  }

  /**
   * Runs {@code command} (under {@code /usr/bin/time}, when present, to learn its peak RSS; that
   * adds a fork/exec, well under a millisecond), stdout into {@code stdoutFile} or a log file.
   */
  private static Exec exec(Path dir, String label, List<String> command, Path stdoutFile) throws Exception {
    Path out = stdoutFile != null ? stdoutFile : dir.resolve(label + ".out");
    Path err = dir.resolve(label + ".err");
    Path rss = dir.resolve(label + ".rss");
    List<String> full = new ArrayList<>();
    boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
    if (timed) {
      full.addAll(List.of("/usr/bin/time", "-f", "%M %U %S", "-o", rss.toString()));
    }
    full.addAll(command);
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(full).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    int exit = p.waitFor();
    double seconds = secondsSince(t0);
    long maxRss = 0;
    double cpu = Double.NaN;
    if (timed && Files.exists(rss)) {
      List<String> lines = Files.readAllLines(rss);
      String[] last = (lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip()).split(" ");
      if (last.length == 3 && last[0].matches("\\d+")) {
        maxRss = Long.parseLong(last[0]);
        cpu = Double.parseDouble(last[1]) + Double.parseDouble(last[2]);
      }
    }
    if (exit != 0) {
      say("  " + String.join(" ", command) + " exited " + exit + "; stderr: " + tail(err, 5));
    }
    String stdout = stdoutFile == null && Files.size(out) < 64 * 1024 ? Files.readString(out) : "";
    return new Exec(exit, seconds, stdout, maxRss, cpu);
  }

  private static String exitNote(Exec e) {
    return "exit " + e.exit();
  }
}
