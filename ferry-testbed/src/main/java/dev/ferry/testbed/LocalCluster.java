package dev.ferry.testbed;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kubernetes cluster on 127.0.0.1: etcd and kube-apiserver, and on request
 * kube-controller-manager, kube-scheduler and KWOK with fake nodes. Every process keeps its
 * state and log under {@link #dir()}. Authentication is a static admin token (group
 * system:masters); authorization is RBAC, so permission checks are real.
 */
public final class LocalCluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final String name;
  private final Path dir;
  private final String adminToken;
  private final List<ManagedProcess> processes = new ArrayList<>();
  private int apiPort;
  private String caPem;
  private KubernetesClient adminClient;
  private LocalRegistry registry;
  private Binaries binaries;
  private RealNode realNode;

  private LocalCluster(String name, Path dir) {
    this.name = name;
    this.dir = dir;
    this.adminToken = Kubeconfigs.randomToken();
  }

  /** Starts a cluster named {@code name} whose files live in {@code dir}. */
  public static LocalCluster start(String name, Path dir, ClusterOptions options) {
    return start(name, dir, options, Binaries.fromCache());
  }

  public static LocalCluster start(String name, Path dir, ClusterOptions options, Binaries binaries) {
    LocalCluster cluster = new LocalCluster(name, dir);
    try {
      cluster.boot(options, binaries);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void boot(ClusterOptions options, Binaries bin) {
    Instant began = Instant.now();
    this.binaries = bin;
    try {
      Files.createDirectories(dir.resolve("logs"));
      Files.writeString(dir.resolve("sa.key"), Pem.newServiceAccountKey());
      // user, uid, groups: system:masters bypasses RBAC, as cluster-admin does.
      Files.writeString(dir.resolve("tokens.csv"), adminToken + ",ferry-admin,ferry-admin,\"system:masters\"\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int etcdPort = startEtcd(bin);
    startApiServer(bin, etcdPort);
    writeKubeconfig(kubeconfig());
    OpenShiftApis.install(adminClient);
    if (options.controllers()) {
      launch("kube-controller-manager", ControlPlaneCommands.controllerManager(bin, dir, kubeconfig(),
          LoopbackPorts.next()));
      StorageSetup.createDefaultStorageClass(adminClient);
    }
    if (options.scheduler()) {
      launch("kube-scheduler", ControlPlaneCommands.scheduler(bin, kubeconfig(), LoopbackPorts.next()));
    }
    if (options.kwokNodes() > 0) {
      startKwok(bin, options.kwokNodes());
    }
    if (options.registry()) {
      registry = LocalRegistry.start(name + "/registry", dir.resolve("registry"));
      processes.add(registry.process());
    }
    LOG.info("cluster {} up at {} in {} ms ({})", name, url(), Duration.between(began, Instant.now()).toMillis(), dir);
  }

  private int startEtcd(Binaries bin) {
    int client = LoopbackPorts.next();
    int peer = LoopbackPorts.next();
    String clientUrl = "http://127.0.0.1:" + client;
    ManagedProcess etcd = launch("etcd", ControlPlaneCommands.etcd(bin, name, dir, clientUrl,
        "http://127.0.0.1:" + peer));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    await("etcd", etcd, () -> {
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(clientUrl + "/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().contains("true");
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    });
    return client;
  }

  private void startApiServer(Binaries bin, int etcdPort) {
    apiPort = LoopbackPorts.next();
    Path certDir = dir.resolve("pki");
    ManagedProcess apiServer = launch("kube-apiserver", ControlPlaneCommands.apiServer(bin, dir, etcdPort, apiPort,
        certDir));
    Path cert = certDir.resolve("apiserver.crt");
    // The self-signed serving certificate file holds the certificate and its CA: wait until both
    // are written, rather than reading a file the API server may still be writing.
    await("kube-apiserver certificate", apiServer, () -> Kubeconfigs.readCa(cert) != null);
    caPem = Kubeconfigs.readCa(cert);
    adminClient = new KubernetesClientBuilder().withConfig(adminConfig()).build();
    await("kube-apiserver /readyz", apiServer, () -> {
      try {
        return "ok".equals(adminClient.raw("/readyz"));
      } catch (RuntimeException e) {
        return false;
      }
    });
  }

  private void startKwok(Binaries bin, int nodes) {
    launch("kwok", ControlPlaneCommands.kwok(bin, kubeconfig(), LoopbackPorts.next()));
    KwokNodes.create(adminClient, nodes);
  }

  private ManagedProcess launch(String component, List<String> command) {
    ManagedProcess process = ManagedProcess.start(name + "/" + component, command, dir,
        dir.resolve("logs").resolve(component + ".log"));
    processes.add(process);
    return process;
  }

  private void await(String what, ManagedProcess process, BooleanSupplier ready) {
    Readiness.await(what + " of cluster " + name, process, START_TIMEOUT, ready);
  }

  public String name() {
    return name;
  }

  public Path dir() {
    return dir;
  }

  /** https://127.0.0.1:port of the API server. */
  public String url() {
    return "https://127.0.0.1:" + apiPort;
  }

  /** PEM of the CA that signed the API server's certificate. */
  public String caPem() {
    return caPem;
  }

  /** A bearer token with cluster-admin rights (never log it). */
  public String adminToken() {
    return adminToken;
  }

  public Path kubeconfig() {
    return dir.resolve("admin.kubeconfig");
  }

  public Config adminConfig() {
    return Kubeconfigs.adminConfig(url(), adminToken, caPem);
  }

  /**
   * This cluster's real node (containerd + kubelet), started on first call and shared by every test
   * of the JVM; fails with the reason when the machine cannot run containers.
   */
  public synchronized RealNode realNode() {
    if (realNode == null) {
      realNode = RealNode.start(this, binaries);
    }
    return realNode;
  }

  /** The real node if one was started. */
  public synchronized java.util.Optional<RealNode> runningRealNode() {
    return java.util.Optional.ofNullable(realNode);
  }

  /** The cluster's exposed registry, if it runs one. */
  public java.util.Optional<LocalRegistry> registry() {
    return java.util.Optional.ofNullable(registry);
  }

  /** A client with cluster-admin rights, shared; do not close it. */
  public KubernetesClient client() {
    return adminClient;
  }

  /** Logs of every component, for a failed test's report. */
  public List<Path> logs() {
    return processes().stream().map(ManagedProcess::log).toList();
  }

  public synchronized List<ManagedProcess> processes() {
    List<ManagedProcess> all = new ArrayList<>(processes);
    if (realNode != null) {
      all.addAll(realNode.processes());
    }
    return all;
  }

  /** Writes a kubeconfig with one context named after this cluster. */
  public void writeKubeconfig(Path file) {
    writeKubeconfig(file, List.of(this));
  }

  /** Writes a kubeconfig with one context per cluster, named after it; the first is current. */
  public static void writeKubeconfig(Path file, List<LocalCluster> clusters) {
    Kubeconfigs.write(file, clusters);
  }

  @Override
  public synchronized void close() {
    // The real node first: it deletes its pods through the API server before stopping.
    if (realNode != null) {
      realNode.close();
      realNode = null;
    }
    if (adminClient != null) {
      adminClient.close();
    }
    // Reverse start order: clients of the API server first, etcd last.
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
    processes.clear();
  }
}
