package dev.ferry.testbed;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node of a testbed cluster whose pods really run: containerd and a kubelet, started, owned and
 * stopped by the testbed like its other processes, with their own containerd root, state and socket,
 * CNI bridge and subnet, kubelet ports and root directory (see {@link NodeFiles}). The node is
 * labelled {@value NodeFiles#LABEL}=real and tainted {@value NodeFiles#TAINT}, so pods of tests that
 * expect KWOK's fake nodes never land on it; {@link #confine} sends every pod of a namespace to it.
 * Stopping deletes its pods first (so the kubelet tears down sandboxes, networks and mounts), then
 * stops the kubelet and containerd, then removes anything left ({@link HostLeftovers}).
 */
public final class RealNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RealNode.class);
  public static final String LABEL = NodeFiles.LABEL;
  public static final String TAINT = NodeFiles.TAINT;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  private final LocalCluster cluster;
  private final String name;
  private final NodeFiles files;
  private final List<ManagedProcess> processes = new ArrayList<>();
  private final String address;
  private PodLoadBalancer loadBalancer;
  private boolean closed;
  private boolean ferryImageImported;

  private RealNode(LocalCluster cluster, NodeFiles files, String address) {
    this.cluster = cluster;
    this.name = cluster.name() + "-node";
    this.files = files;
    this.address = address;
  }

  /** Starts a real node for {@code cluster}; fails with the reason (see {@link RealNodeSupport}). */
  static RealNode start(LocalCluster cluster, Binaries binaries) {
    RealNodeSupport.problem(binaries.kubelet()).ifPresent(problem -> {
      throw new TestbedException("cannot run a real node on this machine: " + problem);
    });
    NodeSlot slot = NodeSlot.acquire();
    NodeFiles files = new NodeFiles(NodeSlot.LOCK_DIR.resolve(Integer.toString(slot.number())), slot);
    RealNode node = new RealNode(cluster, files, HostAddress.ipv4());
    // Before the process reaper stops the API server: the node drains its pods through it.
    ManagedProcess.beforeReaping(node::close);
    try {
      node.boot(binaries);
      return node;
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
  }

  private void boot(Binaries binaries) {
    Instant began = Instant.now();
    // A killed run may have left this slot's processes, mounts or bridge behind.
    HostLeftovers.remove(files.dir(), files.slot().bridge());
    HostCommands.run(Path.of("/"), List.of("rm", "-rf", files.dir().toString()));
    files.write(address, LoopbackPorts.next(), LoopbackPorts.next());
    ManagedProcess containerd = launch("containerd", List.of("/usr/bin/containerd", "--config",
        files.containerdConfig().toString()));
    Readiness.await("containerd of " + name, containerd, Duration.ofSeconds(60),
        () -> Files.exists(files.socket()) && HostCommands.tryRun(files.dir(), ctr("version")));
    importImage(NodeImages.busyboxArchive());
    ManagedProcess kubelet = launch("kubelet", List.of(binaries.kubelet().toString(),
        "--config=" + files.kubeletConfig(),
        "--kubeconfig=" + cluster.kubeconfig(),
        "--root-dir=" + files.kubeletRoot(),
        "--cert-dir=" + files.kubeletRoot().resolve("pki"),
        "--hostname-override=" + name,
        "--node-ip=" + address,
        "--node-labels=" + LABEL + "=real",
        "--v=1"));
    Readiness.await("kubelet of " + name, kubelet, READY_TIMEOUT, () -> {
      containerd.checkAlive();
      return ready(cluster.client().nodes().withName(name).get());
    });
    loadBalancer = PodLoadBalancer.start(cluster.client(), files.slot().subnet());
    LOG.info("real node {} of cluster {} ready at {} in {} ms (bridge {}, pods {}, files {})", name, cluster.name(),
        address, Duration.between(began, Instant.now()).toMillis(), files.slot().bridge(), files.slot().subnet(),
        files.dir());
  }

  /**
   * Ferry's image ({@value NodeImages#FERRY_IMAGE}) on this node, imported from the Jib tarball on
   * first call (5–12 s, so only tests that run Ferry's pods pay for it); fails saying how to build
   * the tarball when it is missing.
   */
  public synchronized String ferryImage() {
    if (!ferryImageImported) {
      Path archive = NodeImages.ferryArchive().orElseThrow(() -> new TestbedException("Ferry's image tarball is "
          + "missing; build it with scripts/build-image.sh (scripts/test.sh does), or name it with -Dferry.image.tar"));
      importImage(archive);
      ferryImageImported = true;
    }
    return NodeImages.FERRY_IMAGE;
  }

  /** Imports an image archive ({@code docker save} or OCI, e.g. {@link NodeImages#archive}) into this node. */
  public void importImage(Path archive) {
    Instant began = Instant.now();
    HostCommands.run(files.dir(), ctr("images", "import", "--snapshotter", "overlayfs", archive.toString()));
    LOG.info("node {}: imported {} in {} ms", name, archive.getFileName(),
        Duration.between(began, Instant.now()).toMillis());
  }

  private List<String> ctr(String... args) {
    List<String> command = new ArrayList<>(List.of("/usr/bin/ctr", "--address", files.socket().toString(),
        "--namespace", "k8s.io"));
    command.addAll(List.of(args));
    return command;
  }

  private ManagedProcess launch(String component, List<String> command) {
    ManagedProcess process = ManagedProcess.start(cluster.name() + "/" + component, command, files.dir(),
        cluster.dir().resolve("logs").resolve(component + ".log"), false);
    processes.add(process);
    return process;
  }

  private static boolean ready(Node node) {
    return node != null && node.getStatus() != null && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /**
   * Sends every pod of {@code namespace} on this node's cluster to the real node, as OpenShift's
   * project node selector does: the API server's PodNodeSelector and PodTolerationRestriction
   * admission plugins add the node selector and the toleration of its taint.
   */
  public void confine(String namespace) {
    cluster.client().namespaces().withName(namespace).edit(ns -> {
      var annotations = ns.getMetadata().getAnnotations() == null ? new java.util.LinkedHashMap<String, String>()
          : new java.util.LinkedHashMap<>(ns.getMetadata().getAnnotations());
      annotations.put("scheduler.alpha.kubernetes.io/node-selector", LABEL + "=real");
      annotations.put("scheduler.alpha.kubernetes.io/defaultTolerations",
          "[{\"key\":\"" + TAINT + "\",\"operator\":\"Exists\",\"effect\":\"NoSchedule\"}]");
      ns.getMetadata().setAnnotations(annotations);
      return ns;
    });
  }

  public String name() {
    return name;
  }

  /** The node's IP (this machine's address). */
  public String address() {
    return address;
  }

  /** The pod subnet of this node's bridge. */
  public String podSubnet() {
    return files.slot().subnet();
  }

  public Path dir() {
    return files.dir();
  }

  public List<ManagedProcess> processes() {
    return List.copyOf(processes);
  }

  /** What this node left on the machine; empty after a clean stop. */
  public List<String> leftovers() {
    return HostLeftovers.find(files.dir(), files.slot().bridge());
  }

  /** The node's containerd socket, for {@code ctr --address}. */
  public Path containerdSocket() {
    return files.socket();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (loadBalancer != null) {
      loadBalancer.close();
    }
    ManagedProcess kubelet = processes.stream().filter(p -> p.name().endsWith("/kubelet")).findFirst().orElse(null);
    if (kubelet != null && kubelet.isAlive()) {
      NodeDrain.drain(cluster.client(), name, () -> HostCommands.run(files.dir(), ctr("tasks", "ls", "-q"), 20));
    }
    for (int i = processes.size() - 1; i >= 0; i--) {
      if (processes.get(i).name().endsWith("/containerd")) {
        // Whatever the kubelet did not stop, before containerd goes: the shims outlive it otherwise.
        HostLeftovers.processesMentioning(files.socket().toString()).forEach(pid -> ProcessHandle.of(pid)
            .ifPresent(p -> {
              p.descendants().forEach(ProcessHandle::destroyForcibly);
              p.destroyForcibly();
            }));
      }
      processes.get(i).close();
    }
    processes.clear();
    HostLeftovers.remove(files.dir(), files.slot().bridge());
    List<String> left = leftovers();
    if (!left.isEmpty()) {
      LOG.warn("real node {} left behind: {}", name, left);
    }
    try {
      cluster.client().nodes().withName(name).delete();
    } catch (KubernetesClientException e) {
      // the API server is stopping too
    }
    files.slot().close();
  }

  @Override
  public String toString() {
    return "RealNode[" + name + " " + address + " " + files.slot().subnet() + "]";
  }

  /** The node selector that picks real nodes. */
  public static Map<String, String> nodeSelector() {
    return Map.of(LABEL, "real");
  }
}
