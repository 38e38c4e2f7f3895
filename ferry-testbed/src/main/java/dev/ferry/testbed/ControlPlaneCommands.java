package dev.ferry.testbed;

import java.nio.file.Path;
import java.util.List;

/**
 * The command lines of a local cluster's control-plane processes: which flags each component gets
 * and why. {@link LocalCluster} starts them and waits for them; this class only says how. Every
 * component listens on 127.0.0.1, keeps its files under the cluster's directory and leaves leader
 * election off (one of each per cluster).
 */
final class ControlPlaneCommands {
  private ControlPlaneCommands() {
  }

  static List<String> etcd(Binaries bin, String name, Path dir, String clientUrl, String peerUrl) {
    return List.of(bin.require(bin.etcd()).toString(),
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
        "--log-level=warn");
  }

  static List<String> apiServer(Binaries bin, Path dir, int etcdPort, int apiPort, Path certDir) {
    return List.of(bin.require(bin.kubeApiServer()).toString(),
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
        "--v=0");
  }

  static List<String> controllerManager(Binaries bin, Path dir, Path kubeconfig, int port) {
    return List.of(bin.require(bin.kubeControllerManager()).toString(),
        "--kubeconfig=" + kubeconfig,
        "--authentication-kubeconfig=" + kubeconfig,
        "--authorization-kubeconfig=" + kubeconfig,
        "--bind-address=127.0.0.1",
        "--secure-port=" + port,
        "--leader-elect=false",
        "--controllers=*",
        "--enable-hostpath-provisioner=true",
        "--service-account-private-key-file=" + dir.resolve("sa.key"),
        "--root-ca-file=" + dir.resolve("pki").resolve("apiserver.crt"),
        "--use-service-account-credentials=false",
        "--concurrent-gc-syncs=10",
        "--v=0");
  }

  static List<String> scheduler(Binaries bin, Path kubeconfig, int port) {
    return List.of(bin.require(bin.kubeScheduler()).toString(),
        "--kubeconfig=" + kubeconfig,
        "--authentication-kubeconfig=" + kubeconfig,
        "--authorization-kubeconfig=" + kubeconfig,
        "--bind-address=127.0.0.1",
        "--secure-port=" + port,
        "--leader-elect=false",
        "--v=0");
  }

  /** KWOK keeps only the nodes annotated as fake ({@link KwokNodes}), never a real node. */
  static List<String> kwok(Binaries bin, Path kubeconfig, int port) {
    return List.of(bin.require(bin.kwok()).toString(),
        "--kubeconfig=" + kubeconfig,
        "--manage-all-nodes=false",
        "--manage-nodes-with-annotation-selector=" + KwokNodes.ANNOTATION + "=fake",
        "--node-ip=127.0.0.1",
        "--cidr=10.244.0.0/16",
        "--server-address=127.0.0.1:" + port,
        "--v=INFO");
  }
}
