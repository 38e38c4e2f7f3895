package dev.ferry.cli.testbed;

import dev.ferry.cli.Main;
import dev.ferry.cli.UserError;
import dev.ferry.cli.kube.ClusterConnection;
import dev.ferry.cli.output.Printer;
import dev.ferry.testbed.ClusterOptions;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.ManagedProcess;
import dev.ferry.testbed.Testbed;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** The testbed subcommands. {@code up} starts a detached daemon ({@code serve}) that owns the clusters. */
public final class TestbedCommands {
  private static final Duration UP_TIMEOUT = Duration.ofMinutes(3);

  private TestbedCommands() {
  }

  @Command(name = "up", description = "Start the source and destination clusters in the background.")
  static class Up implements Callable<Integer> {
    @ParentCommand
    TestbedCommand parent;

    @picocli.CommandLine.Option(names = "--real-nodes", description = "Also run a real node (containerd + kubelet) "
        + "in each cluster, so pods really run; KWOK only, with the reason, where this machine cannot run containers.")
    boolean realNodes;

    @Override
    public Integer call() throws Exception {
      ensureUp(parent.state(), realNodes);
      printUsage(parent.state());
      return 0;
    }
  }

  /** Starts the testbed daemon unless one runs already; returns once its clusters are ready. */
  public static TestbedState.Published ensureUp(TestbedState state) throws IOException, InterruptedException {
    return ensureUp(state, false);
  }

  public static TestbedState.Published ensureUp(TestbedState state, boolean realNodes)
      throws IOException, InterruptedException {
    Optional<ProcessHandle> running = state.liveDaemon();
    if (running.isPresent()) {
      System.out.println("testbed already running in " + state.dir());
      return state.read().orElseThrow();
    }
    Files.createDirectories(state.dir());
    state.clear();
    // Left over from a daemon that was killed: start from clean cluster directories.
    for (String cluster : List.of(Testbed.SOURCE, Testbed.DESTINATION)) {
      deleteTree(state.dir().resolve(cluster));
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "testbed", "serve", "--dir",
        state.dir().toString()));
    if (realNodes) {
      command.add("--real-nodes");
    }
    Process daemon = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(state.daemonLog().toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
    System.out.println("starting testbed (log: " + state.daemonLog() + ") ...");
    Instant deadline = Instant.now().plus(UP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!daemon.isAlive()) {
        throw new UserError("the testbed failed to start (exit " + daemon.exitValue() + "); last lines of "
            + state.daemonLog() + ":\n" + tail(state.daemonLog(), 15));
      }
      Optional<TestbedState.Published> published = state.read().filter(p -> p.pid() == daemon.pid());
      if (published.isPresent()) {
        return published.get();
      }
      Thread.sleep(250);
    }
    daemon.destroy();
    throw new UserError("the testbed did not come up within " + UP_TIMEOUT.toMinutes() + " minutes; see "
        + state.daemonLog());
  }

  static void deleteTree(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Command(name = "down", description = "Stop the testbed's clusters and remove their state.")
  public static class Down implements Callable<Integer> {
    @ParentCommand
    TestbedCommand parent;

    @Override
    public Integer call() throws Exception {
      stop(parent.state());
      return 0;
    }

    /** Stops the testbed's daemon and every process it started, and removes the clusters' state. */
    public static void stop(TestbedState state) throws Exception {
      Optional<TestbedState.Published> published = state.read();
      if (published.isEmpty()) {
        System.out.println("no testbed is running in " + state.dir());
        return;
      }
      Optional<ProcessHandle> daemon = ProcessHandle.of(published.get().pid()).filter(ProcessHandle::isAlive);
      if (daemon.isPresent()) {
        daemon.get().destroy();
        try {
          daemon.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          daemon.get().destroyForcibly();
        }
      }
      // Whatever the daemon could not stop (it was killed, say) is stopped here.
      for (long pid : published.get().componentPids()) {
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(p -> {
          p.destroy();
          p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
              .exceptionally(t -> { p.destroyForcibly(); return p; }).join();
        });
      }
      state.clear();
      deleteClusterDirs(published.get());
      System.out.println("testbed stopped");
    }

    private static void deleteClusterDirs(TestbedState.Published published) throws IOException {
      for (TestbedState.ClusterInfo cluster : published.clusters().values()) {
        deleteTree(Path.of(cluster.dir()));
      }
    }
  }

  @Command(name = "status", description = "Show whether the testbed's clusters are up.")
  static class Status implements Callable<Integer> {
    @ParentCommand
    TestbedCommand parent;

    @Override
    public Integer call() {
      TestbedState state = parent.state();
      Optional<TestbedState.Published> published = state.read();
      if (published.isEmpty() || state.liveDaemon().isEmpty()) {
        System.out.println("testbed is not running (start it with: ferry testbed up)");
        return 3;
      }
      List<String[]> rows = new ArrayList<>();
      for (var entry : published.get().clusters().entrySet()) {
        String health;
        String nodes;
        ClusterConnection connection = new ClusterConnection(state.kubeconfig(), entry.getKey());
        try (KubernetesClient client = connection.client()) {
          health = "ok".equals(client.raw("/readyz")) ? "Ready" : "NotReady";
          nodes = String.valueOf(client.nodes().list().getItems().size());
        } catch (RuntimeException e) {
          health = "Unreachable";
          nodes = "-";
        }
        rows.add(new String[] {entry.getKey(), entry.getValue().url(), health, nodes});
      }
      new Printer(System.out).table(new String[] {"CONTEXT", "API SERVER", "STATUS", "NODES"}, rows);
      System.out.println("kubeconfig: " + state.kubeconfig());
      return 0;
    }
  }

  @Command(name = "env", description = "Print the shell exports that point kubectl and ferry at the testbed.")
  static class Env implements Callable<Integer> {
    @ParentCommand
    TestbedCommand parent;

    @Override
    public Integer call() {
      TestbedState state = parent.state();
      if (state.liveDaemon().isEmpty()) {
        throw new UserError("testbed is not running; start it with: ferry testbed up");
      }
      System.out.println("export KUBECONFIG=" + state.kubeconfig());
      return 0;
    }
  }

  /** The daemon: owns the clusters until it is told to stop (SIGTERM). Not for direct use. */
  @Command(name = "serve", hidden = true)
  static class Serve implements Callable<Integer> {
    @ParentCommand
    TestbedCommand parent;

    @picocli.CommandLine.Option(names = "--real-nodes")
    boolean realNodes;

    @Override
    public Integer call() throws Exception {
      TestbedState state = parent.state();
      Testbed testbed = new Testbed(state.dir(), ClusterOptions.full());
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        testbed.close();
        state.clear();
        stopped.countDown();
      }, "testbed-stop"));
      LocalCluster source = testbed.source();
      LocalCluster destination = testbed.destination();
      if (realNodes) {
        startRealNodes(List.of(source, destination));
      }
      LocalCluster.writeKubeconfig(state.kubeconfig(), List.of(source, destination));
      Map<String, TestbedState.ClusterInfo> clusters = new LinkedHashMap<>();
      for (LocalCluster c : List.of(source, destination)) {
        clusters.put(c.name(), new TestbedState.ClusterInfo(c.url(), c.dir().toString(),
            c.registry().map(r -> r.hostPort()).orElse(null)));
      }
      state.publish(new TestbedState.Published(ProcessHandle.current().pid(), state.kubeconfig().toString(),
          clusters, List.copyOf(ManagedProcess.livePids())));
      System.out.println("testbed ready");
      stopped.await();
      return 0;
    }
  }

  /** A real node per cluster, or — where containers cannot run here — KWOK only, saying why. */
  static void startRealNodes(List<LocalCluster> clusters) {
    Optional<String> problem = dev.ferry.testbed.RealNodeSupport.problem(
        dev.ferry.testbed.Binaries.fromCache().kubelet());
    if (problem.isPresent()) {
      System.out.println("real nodes unavailable, KWOK only: " + problem.get());
      return;
    }
    try {
      for (LocalCluster cluster : clusters) {
        var node = cluster.realNode();
        if (dev.ferry.testbed.NodeImages.ferryArchive().isPresent()) {
          node.ferryImage(); // so the mover's pods can run
        }
        System.out.println("real node " + node.name() + " of " + cluster.name() + " ready (pods "
            + node.podSubnet() + ")");
      }
      System.out.println("  run a namespace's pods on it: kubectl annotate namespace NS "
          + "scheduler.alpha.kubernetes.io/node-selector=" + dev.ferry.testbed.RealNode.LABEL + "=real "
          + "'scheduler.alpha.kubernetes.io/defaultTolerations=[{\"key\":\"" + dev.ferry.testbed.RealNode.TAINT
          + "\",\"operator\":\"Exists\"}]'");
    } catch (RuntimeException e) {
      System.out.println("real nodes unavailable, KWOK only: " + e.getMessage());
    }
  }

  static void printUsage(TestbedState state) {
    System.out.println("testbed ready: contexts 'source' and 'destination' in " + state.kubeconfig());
    System.out.println("  export KUBECONFIG=" + state.kubeconfig());
    System.out.println("  kubectl --context source get nodes");
    System.out.println("  ferry testbed status | ferry testbed down");
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.exists(file) ? Files.readAllLines(file) : List.of();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
