package dev.ferry.bench;

import dev.ferry.api.velero.Backup;
import dev.ferry.api.velero.BackupSpec;
import dev.ferry.api.velero.BackupStatus;
import dev.ferry.api.velero.Restore;
import dev.ferry.api.velero.RestoreSpec;
import dev.ferry.api.velero.RestoreStatus;
import dev.ferry.backup.backup.Backupper;
import dev.ferry.backup.restore.RestoreOptions;
import dev.ferry.backup.restore.Restorer;
import dev.ferry.objectstore.FilesystemObjectStore;
import dev.ferry.testbed.ClusterOptions;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.ManagedProcess;
import dev.ferry.testbed.Testbed;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SPEC §5, resources: backs up one namespace of N small objects (60 % ConfigMaps, 30 % Secrets,
 * 10 % ClusterIP Services) from a private testbed's source cluster and restores it on its
 * destination under a mapped namespace, with Ferry's engine ({@link Backupper}, {@link Restorer})
 * and, in the same run, with what a user would script instead: {@code kubectl get -o json}, a
 * small rewrite, {@code kubectl create -f}. Prints one table: seconds, objects/s and the heap
 * Ferry's phases used. Run it with {@code -Xmx512m} (bench/run-resources.sh does) so the heap
 * target is enforced, not just observed.
 *
 * <pre>
 * options: --objects N        objects to create in the source namespace (default 10000)
 *          --threads N        parallel creates during setup (default 8)
 *          --kubectl PATH     kubectl binary (default /usr/bin/kubectl; the kubectl side is
 *                             skipped if it is missing)
 *          --no-kubectl       Ferry's side only
 *          --kubectl-first    run the kubectl side before Ferry's (default: Ferry first)
 *          --work-dir DIR     where the testbed and the repository live (default: a new temp dir)
 *          --keep             keep the work dir (and its cluster logs) afterwards
 * </pre>
 */
public final class ResourcesBenchmark {
  static final String SOURCE_NS = "bench-src";
  static final String FERRY_NS = "bench-ferry";
  static final String KUBECTL_NS = "bench-kubectl";
  static final String LABEL = "ferry.dev/bench";
  static final String LABEL_VALUE = "resources";
  static final String[] KINDS = {"ConfigMap", "Secret", "Service"};

  record Options(int objects, int threads, Path kubectl, boolean kubectlFirst, Path workDir, boolean keep) {
    static Options parse(String[] args) {
      int objects = 10_000;
      int threads = 8;
      Path kubectl = Path.of("/usr/bin/kubectl");
      boolean kubectlFirst = false;
      Path workDir = null;
      boolean keep = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--objects" -> objects = Integer.parseInt(value(args, ++i));
          case "--threads" -> threads = Integer.parseInt(value(args, ++i));
          case "--kubectl" -> kubectl = Path.of(value(args, ++i));
          case "--no-kubectl" -> kubectl = null;
          case "--kubectl-first" -> kubectlFirst = true;
          case "--work-dir" -> workDir = Path.of(value(args, ++i));
          case "--keep" -> keep = true;
          default -> throw new IllegalArgumentException("unknown option " + args[i]
              + "; options: --objects N, --threads N, --kubectl PATH, --no-kubectl, --kubectl-first, --work-dir DIR, "
              + "--keep");
        }
      }
      if (objects < 10) {
        throw new IllegalArgumentException("--objects must be at least 10");
      }
      if (threads < 1) {
        throw new IllegalArgumentException("--threads must be at least 1");
      }
      if (workDir != null && Files.isDirectory(workDir)) {
        try (var entries = Files.list(workDir)) {
          if (entries.findAny().isPresent()) {
            // The work dir is deleted afterwards: never take one that holds something else.
            throw new IllegalArgumentException("--work-dir " + workDir + " is not empty; name a new or empty directory");
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return new Options(objects, threads, kubectl, kubectlFirst, workDir, keep);
    }

    private static String value(String[] args, int i) {
      if (i >= args.length) {
        throw new IllegalArgumentException(args[i - 1] + " needs a value");
      }
      return args[i];
    }
  }

  /**
   * One line of the results table. {@code heap} is null for phases that do not run in this JVM;
   * {@code clientCpu} is the CPU time of the client (this JVM, or kubectl), {@code clusterCpu}
   * that of the cluster the phase talked to (etcd, kube-apiserver, controllers, ...), {@code otherCpu}
   * that of every process outside the benchmark (on a shared machine: other people's builds).
   */
  record Row(String phase, int objects, String items, double seconds, double clientCpu, double clusterCpu,
             double otherCpu, HeapMonitor.Peak heap, String note) {
    double perSecond() {
      return objects / seconds;
    }
  }

  private final Options options;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Map<String, Integer> expected = new LinkedHashMap<>();
  private Row ferryBackup;
  private Row ferryRestore;
  private Row kubectlGet;
  private Row kubectlRewrite;
  private Row kubectlCreate;
  private boolean failed;
  private LocalCluster sourceCluster;
  private LocalCluster destinationCluster;

  private ResourcesBenchmark(Options options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    boolean ok = new ResourcesBenchmark(options).run();
    System.exit(ok ? 0 : 1);
  }

  private boolean run() throws Exception {
    Path work = options.workDir() != null ? Files.createDirectories(options.workDir())
        : Files.createTempDirectory("ferry-bench-resources-");
    say("work dir " + work + "; max heap " + mib(Runtime.getRuntime().maxMemory()) + "; "
        + Runtime.getRuntime().availableProcessors() + " CPUs");
    try (Testbed testbed = new Testbed(work.resolve("testbed"), ClusterOptions.full())) {
      long t0 = System.nanoTime();
      LocalCluster source = testbed.source();
      LocalCluster destination = testbed.destination();
      sourceCluster = source;
      destinationCluster = destination;
      say(String.format(Locale.ROOT, "testbed up in %.1f s: source %s, destination %s", secondsSince(t0),
          source.url(), destination.url()));

      populate(source.client());
      String loadBefore = loadAverage();

      Path kubectl = options.kubectl();
      boolean haveKubectl = kubectl != null && Files.isExecutable(kubectl);
      if (kubectl == null) {
        notes.add("--no-kubectl: Ferry's side only.");
      } else if (!haveKubectl) {
        notes.add("kubectl not found at " + kubectl + ": the kubectl side was skipped.");
      }
      if (options.kubectlFirst() && haveKubectl) {
        kubectlSide(source, destination, work);
      }
      ferrySide(source, destination, work);
      if (!options.kubectlFirst() && haveKubectl) {
        kubectlSide(source, destination, work);
      }
      notes.add("Load average (1, 5, 15 min) before the measured phases: " + loadBefore + "; after: "
          + loadAverage() + ".");
      print();
    } finally {
      if (!options.keep()) {
        deleteTree(work);
      } else {
        say("kept " + work);
      }
    }
    return !failed;
  }

  // ---------------------------------------------------------------- setup

  /** Creates the source namespace and its objects, in parallel; not part of any measured phase. */
  private void populate(KubernetesClient client) throws Exception {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(SOURCE_NS).endMetadata().build())
        .create();
    int n = options.objects();
    ExecutorService pool = Executors.newFixedThreadPool(options.threads());
    AtomicInteger done = new AtomicInteger();
    long t0 = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          createObject(client, index);
          int d = done.incrementAndGet();
          if (d % 2000 == 0) {
            say("  created " + d + "/" + n);
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = secondsSince(t0);
    for (String kind : KINDS) {
      expected.put(kind, 0);
    }
    for (int i = 0; i < n; i++) {
      expected.merge(kindOf(i), 1, Integer::sum);
    }
    Map<String, Integer> counted = count(client, SOURCE_NS);
    if (!counted.equals(expected)) {
      throw new IllegalStateException("source namespace holds " + counted + ", expected " + expected);
    }
    say(String.format(Locale.ROOT, "setup: %d objects %s created in %s with %d threads in %.1f s (%.0f objects/s)",
        n, expected, SOURCE_NS, options.threads(), seconds, n / seconds));
    notes.add(String.format(Locale.ROOT, "Setup (not measured against anything): %d objects created with %d "
        + "parallel fabric8 clients in %.1f s = %.0f objects/s.", n, options.threads(), seconds, n / seconds));
    // The endpoints controllers make an Endpoints object and an EndpointSlice per Service; let them finish
    // so both sides back up the same, settled namespace.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    int services = expected.get("Service");
    int slices = 0;
    while (System.nanoTime() < deadline) {
      slices = client.discovery().v1().endpointSlices().inNamespace(SOURCE_NS).list().getItems().size();
      if (slices >= services) {
        break;
      }
      Thread.sleep(1000);
    }
    say("source namespace settled: " + slices + " EndpointSlices for " + services + " Services");
  }

  static String kindOf(int i) {
    int r = i % 10;
    return r < 6 ? "ConfigMap" : r < 9 ? "Secret" : "Service";
  }

  private static void createObject(KubernetesClient client, int i) {
    String suffix = String.format(Locale.ROOT, "%05d", i);
    var metadata = new ObjectMetaBuilder().withNamespace(SOURCE_NS).addToLabels(LABEL, LABEL_VALUE)
        .addToLabels("app", "bench-app-" + (i % 20));
    for (int attempt = 1; ; attempt++) {
      try {
        switch (kindOf(i)) {
          case "ConfigMap" -> client.configMaps().resource(new ConfigMapBuilder()
              .withMetadata(metadata.withName("cm-" + suffix).build())
              .addToData("index", Integer.toString(i))
              .addToData("mode", i % 2 == 0 ? "even" : "odd")
              .addToData("app.properties", "server.port=8080\nserver.name=bench-" + suffix
                  + "\nfeature.flags=alpha,beta,gamma\nlog.level=info\ncache.size=128\n")
              .build()).create();
          case "Secret" -> client.secrets().resource(new SecretBuilder()
              .withMetadata(metadata.withName("secret-" + suffix).build())
              .withType("Opaque")
              .addToData("username", b64("user-" + suffix))
              .addToData("password", b64("p4ssw0rd-" + suffix + "-" + Integer.toHexString(i * 7919)))
              .build()).create();
          default -> client.services().resource(new ServiceBuilder()
              .withMetadata(metadata.withName("svc-" + suffix).build())
              .withNewSpec().withType("ClusterIP").addToSelector("app", "bench-app-" + (i % 20))
              .addNewPort().withName("http").withProtocol("TCP").withPort(80)
              .withNewTargetPort(8080).endPort().endSpec()
              .build()).create();
        }
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 409) {
          return; // a retried create that had gone through
        }
        if (attempt >= 5) {
          throw e;
        }
        sleep(200L * attempt);
      }
    }
  }

  // ---------------------------------------------------------------- measuring

  /** Where the time and CPU of one phase went. */
  record Measured(double seconds, double clientCpu, double clusterCpu, double otherCpu) {
  }

  /**
   * Started just before a phase: wall time, CPU of this JVM, of the cluster the phase talks to,
   * of both clusters and of the whole machine, so {@link #stop} can also tell how much CPU
   * processes outside the benchmark (other builds on a shared machine) took meanwhile.
   */
  private final class Meter {
    private final LocalCluster target;
    private final long t0 = System.nanoTime();
    private final double jvm0 = CpuMeter.jvmSeconds();
    private final double target0;
    private final double clusters0;
    private final double machine0;

    Meter(LocalCluster target) {
      this.target = target;
      this.target0 = CpuMeter.seconds(pids(target));
      this.clusters0 = CpuMeter.seconds(clusterPids());
      this.machine0 = CpuMeter.machineBusySeconds();
    }

    /** {@code childCpu}: CPU of commands the phase ran (kubectl), which this JVM's own counter misses. */
    Measured stop(double childCpu) {
      double seconds = secondsSince(t0);
      double jvm = CpuMeter.jvmSeconds() - jvm0;
      double cluster = CpuMeter.seconds(pids(target)) - target0;
      double clusters = CpuMeter.seconds(clusterPids()) - clusters0;
      double machine = CpuMeter.machineBusySeconds() - machine0;
      double other = Math.max(0, machine - jvm - clusters - childCpu);
      return new Measured(seconds, jvm + childCpu, cluster, other);
    }
  }

  private List<Long> clusterPids() {
    List<Long> all = new ArrayList<>(pids(sourceCluster));
    all.addAll(pids(destinationCluster));
    return all;
  }

  private Row row(String phase, String items, Measured m, HeapMonitor.Peak heap, String note) {
    return new Row(phase, options.objects(), items, m.seconds(), m.clientCpu(), m.clusterCpu(), m.otherCpu(), heap,
        note);
  }

  // ---------------------------------------------------------------- Ferry

  private void ferrySide(LocalCluster source, LocalCluster destination, Path work) throws IOException {
    Path repository = Files.createDirectories(work.resolve("repository"));
    try (FilesystemObjectStore store = new FilesystemObjectStore(repository)) {
      Backup backup = new Backup();
      backup.setMetadata(new ObjectMetaBuilder().withName("bench").withNamespace("openshift-migration").build());
      BackupSpec backupSpec = new BackupSpec();
      backupSpec.setIncludedNamespaces(List.of(SOURCE_NS));
      backup.setSpec(backupSpec);

      say("Ferry backup of " + SOURCE_NS + " ...");
      HeapMonitor heap = HeapMonitor.start();
      Meter meter = new Meter(source);
      BackupStatus b = new Backupper(source.client(), store, Clock.systemUTC()).run(backup, s -> { });
      Measured m = meter.stop(0);
      HeapMonitor.Peak peak = heap.stop();
      String outcome = b.getPhase() + (b.getErrors() != null && b.getErrors() > 0 ? ", " + b.getErrors() + " errors" : "")
          + (b.getFailureReason() != null ? ": " + b.getFailureReason() : "");
      ferryBackup = row("Ferry backup (Backupper → filesystem repository)",
          String.valueOf(b.getProgress().getItemsBackedUp()), m, peak, outcome + "; repository " + mib(size(repository)));
      rows.add(ferryBackup);
      say(String.format(Locale.ROOT, "  %s in %.1f s (%s items)", outcome, m.seconds(), ferryBackup.items()));
      if (!"Completed".equals(String.valueOf(b.getPhase()))) {
        failed = true;
      }

      Restore restore = new Restore();
      restore.setMetadata(new ObjectMetaBuilder().withName("bench-restore").withNamespace("openshift-migration")
          .build());
      RestoreSpec restoreSpec = new RestoreSpec();
      restoreSpec.setBackupName("bench");
      restoreSpec.setNamespaceMapping(Map.of(SOURCE_NS, FERRY_NS));
      restore.setSpec(restoreSpec);

      say("Ferry restore into " + FERRY_NS + " ...");
      heap = HeapMonitor.start();
      meter = new Meter(destination);
      RestoreStatus r = new Restorer(destination.client(), store, Clock.systemUTC(), RestoreOptions.none())
          .run(restore, s -> { });
      m = meter.stop(0);
      peak = heap.stop();
      outcome = r.getPhase() + (r.getErrors() != null && r.getErrors() > 0 ? ", " + r.getErrors() + " errors" : "")
          + (r.getWarnings() != null && r.getWarnings() > 0 ? ", " + r.getWarnings() + " warnings" : "")
          + (r.getFailureReason() != null ? ": " + r.getFailureReason() : "");
      Map<String, Integer> counted = count(destination.client(), FERRY_NS);
      boolean match = counted.equals(expected);
      ferryRestore = row("Ferry restore (Restorer, namespace mapped)",
          String.valueOf(r.getProgress().getItemsRestored()), m, peak,
          outcome + "; destination " + counted + (match ? " = source" : " != source " + expected));
      rows.add(ferryRestore);
      say(String.format(Locale.ROOT, "  %s in %.1f s; destination %s", outcome, m.seconds(), counted));
      if (!match) {
        failed = true;
      }
    }
  }

  // ---------------------------------------------------------------- kubectl

  private void kubectlSide(LocalCluster source, LocalCluster destination, Path work) throws Exception {
    Path dir = Files.createDirectories(work.resolve("kubectl"));
    String kubectl = options.kubectl().toString();
    String src = source.kubeconfig().toString();
    String dst = destination.kubeconfig().toString();
    Path exported = dir.resolve("bench-src.json");
    Path rewritten = dir.resolve("bench-kubectl.json");

    Exec version = exec(dir, "version", List.of(kubectl, "--kubeconfig", dst, "version"), null);
    notes.add("kubectl: " + version.stdout().strip().replace('\n', ';').replaceAll(" +", " ")
        + " (" + options.kubectl() + ")");

    say("kubectl get -o json of " + SOURCE_NS + " ...");
    Meter meter = new Meter(source);
    Exec get = exec(dir, "get", List.of(kubectl, "--kubeconfig", src, "get", "configmaps,secrets,services",
        "-n", SOURCE_NS, "-o", "json"), exported);
    Measured m = meter.stop(get.cpuSeconds());
    kubectlGet = row("kubectl get configmaps,secrets,services -o json", "", m, null,
        exitNote(get) + "; file " + mib(Files.size(exported)) + get.rssNote());
    rows.add(kubectlGet);
    say(String.format(Locale.ROOT, "  %.1f s", m.seconds()));

    meter = new Meter(destination);
    int kept = KubectlListRewrite.rewrite(exported, rewritten, KUBECTL_NS);
    m = meter.stop(0);
    kubectlRewrite = row("rewrite (namespace, drop uid/resourceVersion/…/clusterIP), in this JVM",
        String.valueOf(kept), new Measured(m.seconds(), m.clientCpu(), 0, m.otherCpu()), null,
        "the user's jq step; Jackson tree, not streamed");
    rows.add(kubectlRewrite);

    say("kubectl create -f into " + KUBECTL_NS + " ...");
    meter = new Meter(destination);
    Exec ns = exec(dir, "create-namespace", List.of(kubectl, "--kubeconfig", dst, "create", "namespace",
        KUBECTL_NS), null);
    Exec create = exec(dir, "create", List.of(kubectl, "--kubeconfig", dst, "create", "-f", rewritten.toString()),
        null);
    m = meter.stop(ns.cpuSeconds() + create.cpuSeconds());
    Map<String, Integer> counted = count(destination.client(), KUBECTL_NS);
    boolean match = counted.equals(expected);
    kubectlCreate = row("kubectl create namespace + kubectl create -f", "", m, null,
        exitNote(ns) + "/" + exitNote(create) + "; destination " + counted
            + (match ? " = source" : " != source " + expected) + create.rssNote());
    rows.add(kubectlCreate);
    say(String.format(Locale.ROOT, "  %.1f s; destination %s", m.seconds(), counted));
    if (!match || get.exit() != 0 || create.exit() != 0) {
      failed = true;
    }
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

  // ---------------------------------------------------------------- counting and output

  /** The benchmark's objects (by label, so the cluster's own kube-root-ca.crt and default SA never count). */
  static Map<String, Integer> count(KubernetesClient client, String namespace) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("ConfigMap", client.configMaps().inNamespace(namespace).withLabel(LABEL, LABEL_VALUE).list()
        .getItems().size());
    counts.put("Secret", client.secrets().inNamespace(namespace).withLabel(LABEL, LABEL_VALUE).list()
        .getItems().size());
    counts.put("Service", client.services().inNamespace(namespace).withLabel(LABEL, LABEL_VALUE).list()
        .getItems().size());
    return counts;
  }

  private void print() {
    StringBuilder s = new StringBuilder();
    s.append("\n## Resources benchmark: ").append(options.objects()).append(" objects ").append(expected)
        .append("\n\n");
    s.append("| phase | objects | items handled | seconds | objects/s | client CPU s | cluster CPU s "
        + "| other CPU s | peak heap used (50 ms samples) | peak heap after GC | notes |\n");
    s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Row r : rows) {
      s.append(String.format(Locale.ROOT, "| %s | %d | %s | %.2f | %.0f | %.1f | %s | %.1f | %s | %s | %s |%n",
          r.phase(), r.objects(), r.items(), r.seconds(), r.perSecond(), r.clientCpu(),
          r.clusterCpu() == 0 ? "—" : String.format(Locale.ROOT, "%.1f", r.clusterCpu()), r.otherCpu(),
          r.heap() == null ? "—" : mib(r.heap().sampledPeak()),
          r.heap() == null ? "—" : r.heap().collections() == 0 ? "no GC" : mib(r.heap().peakAfterGc())
              + " (" + r.heap().collections() + " GCs)",
          r.note()));
    }
    s.append("\nobjects: the benchmark's own objects (objects/s is computed on them); items handled: what the tool "
        + "backed up / restored in total (Ferry also takes the namespace, its default ServiceAccount and "
        + "kube-root-ca.crt, and the Endpoints and EndpointSlices the Services got). client CPU: this JVM "
        + "(Ferry, rewrite) or kubectl's user+system time; cluster CPU: all processes of the cluster the phase "
        + "talked to (etcd, kube-apiserver, controllers, scheduler, KWOK, registry); other CPU: every other process "
        + "on the machine meanwhile (0 on a quiet machine; on a shared one it competes for the same cores).\n");
    s.append("\nRatios (time, Ferry / kubectl; below 1 means Ferry is faster):\n\n");
    if (ferryBackup != null && kubectlGet != null) {
      s.append(String.format(Locale.ROOT, "- backup:  Ferry backup / kubectl get            = %.2f%n",
          ferryBackup.seconds() / kubectlGet.seconds()));
    }
    if (ferryRestore != null && kubectlCreate != null) {
      s.append(String.format(Locale.ROOT, "- restore: Ferry restore / kubectl create         = %.2f%n",
          ferryRestore.seconds() / kubectlCreate.seconds()));
      s.append(String.format(Locale.ROOT, "- restore: Ferry restore / (rewrite + kubectl create) = %.2f%n",
          ferryRestore.seconds() / (kubectlRewrite.seconds() + kubectlCreate.seconds())));
    }
    if (ferryBackup != null && ferryRestore != null && kubectlGet != null && kubectlCreate != null) {
      s.append(String.format(Locale.ROOT, "- round trip: Ferry (backup + restore) / kubectl (get + rewrite + create) "
              + "= %.2f%n", (ferryBackup.seconds() + ferryRestore.seconds())
              / (kubectlGet.seconds() + kubectlRewrite.seconds() + kubectlCreate.seconds())));
    }
    long maxHeap = Runtime.getRuntime().maxMemory();
    s.append("\nHeap: this JVM ran with max heap ").append(mib(maxHeap))
        .append(" (-Xmx); target for Ferry's phases: under 512 MiB.");
    long worst = rows.stream().filter(r -> r.heap() != null).mapToLong(r -> r.heap().sampledPeak()).max().orElse(0);
    s.append(" Largest sampled heap used in a Ferry phase: ").append(mib(worst)).append(".\n");
    s.append("JVM input arguments: ").append(ManagementFactory.getRuntimeMXBean().getInputArguments()).append('\n');
    s.append("JVM peak resident set, whole run (testbed client, setup included): ").append(peakRss()).append('\n');
    s.append("Order: ").append(options.kubectlFirst() ? "kubectl side first, then Ferry" : "Ferry first, then kubectl")
        .append(".\n");
    for (String note : notes) {
      s.append("- ").append(note).append('\n');
    }
    System.out.println(s);
    System.out.flush();
  }

  // ---------------------------------------------------------------- helpers

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String peakRss() {
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

  private static List<Long> pids(LocalCluster cluster) {
    return cluster.processes().stream().map(ManagedProcess::pid).toList();
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static double secondsSince(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static long size(Path dir) {
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

  private static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file);
      return String.join(" | ", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(" + e.getMessage() + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void say(String line) {
    System.err.println("[bench] " + line);
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
