package dev.ferry.testbed;

import io.fabric8.kubernetes.api.model.NamedClusterBuilder;
import io.fabric8.kubernetes.api.model.NamedContextBuilder;
import io.fabric8.kubernetes.api.model.NamedAuthInfoBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
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
    this.adminToken = randomToken();
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
      startControllerManager(bin);
      StorageSetup.createDefaultStorageClass(adminClient);
    }
    if (options.scheduler()) {
      startScheduler(bin);
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
    String peerUrl = "http://127.0.0.1:" + peer;
    ManagedProcess etcd = launch("etcd", List.of(bin.require(bin.etcd()).toString(),
        "--name=" + name,
        "--data-dir=" + dir.resolve("etcd"),
        "--listen-client-urls=" + clientUrl,
        "--advertise-client-urls=" + clientUrl,
        "--listen-peer-urls=" + peerUrl,
        "--initial-advertise-peer-urls=" + peerUrl,
        "--initial-cluster=" + name + "=" + peerUrl,
        "--listen-metrics-urls=",
        // A test cluster's data is disposable: skip fsync, it is the slowest part of etcd here.
        "--unsafe-no-fsync=true",
        "--quota-backend-bytes=2147483648",
        "--log-level=warn"));
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
    ManagedProcess apiServer = launch("kube-apiserver", List.of(bin.require(bin.kubeApiServer()).toString(),
        "--etcd-servers=http://127.0.0.1:" + etcdPort,
        "--bind-address=127.0.0.1",
        "--advertise-address=127.0.0.1",
        "--secure-port=" + apiPort,
        "--cert-dir=" + certDir,
        "--token-auth-file=" + dir.resolve("tokens.csv"),
        "--authorization-mode=RBAC",
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        "--service-account-key-file=" + dir.resolve("sa.key"),
        "--service-account-signing-key-file=" + dir.resolve("sa.key"),
        "--service-cluster-ip-range=10.96.0.0/16",
        "--allow-privileged=true",
        // A real node's name does not resolve: reach its kubelet (logs, exec) by its address.
        "--kubelet-preferred-address-types=InternalIP,Hostname",
        // OpenShift's project node selector, upstream: RealNode.confine sends a namespace's pods
        // to the real node with these two.
        "--enable-admission-plugins=PodNodeSelector,PodTolerationRestriction",
        "--enable-priority-and-fairness=false",
        "--profiling=false",
        "--event-ttl=1h",
        "--v=0"));
    Path cert = certDir.resolve("apiserver.crt");
    // The self-signed serving certificate file holds the certificate and its CA: wait until both
    // are written, rather than reading a file the API server may still be writing.
    await("kube-apiserver certificate", apiServer, () -> readCa(cert) != null);
    caPem = readCa(cert);
    adminClient = new KubernetesClientBuilder().withConfig(adminConfig()).build();
    await("kube-apiserver /readyz", apiServer, () -> {
      try {
        return "ok".equals(adminClient.raw("/readyz"));
      } catch (RuntimeException e) {
        return false;
      }
    });
  }

  private void startControllerManager(Binaries bin) {
    Path ca = dir.resolve("pki").resolve("apiserver.crt");
    launch("kube-controller-manager", List.of(bin.require(bin.kubeControllerManager()).toString(),
        "--kubeconfig=" + kubeconfig(),
        "--authentication-kubeconfig=" + kubeconfig(),
        "--authorization-kubeconfig=" + kubeconfig(),
        "--bind-address=127.0.0.1",
        "--secure-port=" + LoopbackPorts.next(),
        "--leader-elect=false",
        "--controllers=*",
        "--enable-hostpath-provisioner=true",
        "--service-account-private-key-file=" + dir.resolve("sa.key"),
        "--root-ca-file=" + ca,
        "--use-service-account-credentials=false",
        "--concurrent-gc-syncs=10",
        "--v=0"));
  }

  private void startScheduler(Binaries bin) {
    launch("kube-scheduler", List.of(bin.require(bin.kubeScheduler()).toString(),
        "--kubeconfig=" + kubeconfig(),
        "--authentication-kubeconfig=" + kubeconfig(),
        "--authorization-kubeconfig=" + kubeconfig(),
        "--bind-address=127.0.0.1",
        "--secure-port=" + LoopbackPorts.next(),
        "--leader-elect=false",
        "--v=0"));
  }

  private void startKwok(Binaries bin, int nodes) {
    launch("kwok", List.of(bin.require(bin.kwok()).toString(),
        "--kubeconfig=" + kubeconfig(),
        "--manage-all-nodes=false",
        "--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake",
        "--node-ip=127.0.0.1",
        "--cidr=10.244.0.0/16",
        "--server-address=127.0.0.1:" + LoopbackPorts.next(),
        "--v=INFO"));
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

  /** The certificate file's content once it holds two complete PEM blocks, else null. */
  private static String readCa(Path cert) {
    try {
      String pem = Files.isRegularFile(cert) ? Files.readString(cert) : "";
      return pem.split("-----END CERTIFICATE-----", -1).length > 2 ? pem : null;
    } catch (IOException e) {
      return null;
    }
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
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(url())
        .withOauthToken(adminToken)
        .withCaCertData(Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.UTF_8)))
        .withRequestTimeout(30_000)
        .build();
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
    io.fabric8.kubernetes.api.model.ConfigBuilder config = new io.fabric8.kubernetes.api.model.ConfigBuilder()
        .withApiVersion("v1").withKind("Config").withCurrentContext(clusters.get(0).name);
    for (LocalCluster c : clusters) {
      config.addToClusters(new NamedClusterBuilder().withName(c.name).withNewCluster()
              .withServer(c.url())
              .withCertificateAuthorityData(Base64.getEncoder().encodeToString(c.caPem.getBytes(StandardCharsets.UTF_8)))
              .endCluster().build())
          .addToUsers(new NamedAuthInfoBuilder().withName(c.name + "-admin").withNewUser().withToken(c.adminToken)
              .endUser().build())
          .addToContexts(new NamedContextBuilder().withName(c.name).withNewContext().withCluster(c.name)
              .withUser(c.name + "-admin").endContext().build());
    }
    try {
      Files.writeString(file, Serialization.asYaml(config.build()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
