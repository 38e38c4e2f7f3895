package dev.ferry.testbed;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the testbed's control-plane binaries live. They are built from their Go modules by
 * {@code scripts/testbed-binaries.sh} and cached outside the repository, by version.
 */
public record Binaries(Path etcd, Path kubeApiServer, Path kubeControllerManager, Path kubeScheduler,
                       Path kwok, String kubernetesVersion) {

  public static final String DEFAULT_K8S = "v1.34.4";
  public static final String DEFAULT_ETCD = "v3.5.21";
  public static final String DEFAULT_KWOK = "v0.7.0";

  /** Binaries of the versions named by system properties (set by the build) or the defaults. */
  public static Binaries fromCache() {
    String k8s = System.getProperty("ferry.k8s.version", DEFAULT_K8S);
    String etcd = System.getProperty("ferry.etcd.version", DEFAULT_ETCD);
    String kwok = System.getProperty("ferry.kwok.version", DEFAULT_KWOK);
    Path bin = cacheRoot().resolve("bin");
    Path k8sDir = bin.resolve("kubernetes-" + k8s);
    return new Binaries(
        bin.resolve("etcd-" + etcd).resolve("etcd"),
        k8sDir.resolve("kube-apiserver"),
        k8sDir.resolve("kube-controller-manager"),
        k8sDir.resolve("kube-scheduler"),
        bin.resolve("kwok-" + kwok).resolve("kwok"),
        k8s);
  }

  /** {@code $FERRY_CACHE}, else {@code ~/.cache/ferry}. */
  public static Path cacheRoot() {
    String env = System.getenv("FERRY_CACHE");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "ferry");
  }

  /** The kubelet of a real node ({@code scripts/build-kubelet.sh} builds it beside the control plane). */
  public Path kubelet() {
    return kubeApiServer.resolveSibling("kubelet");
  }

  /** Fails with the command that builds what is missing. */
  public Path require(Path binary) {
    if (!Files.isExecutable(binary)) {
      throw new TestbedException("testbed binary " + binary + " is missing; build it with "
          + "scripts/testbed-binaries.sh (it builds only what is missing and caches it in "
          + cacheRoot() + ")");
    }
    return binary;
  }
}
