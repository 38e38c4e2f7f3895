package dev.ferry.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clusters of one test JVM (or of {@code ferry testbed up}): started on first use, shared
 * by every test, stopped at JVM exit. Tests isolate themselves by namespace, not by cluster.
 */
public final class Testbed implements AutoCloseable {
  public static final String SOURCE = "source";
  public static final String DESTINATION = "destination";

  private static Testbed shared;

  private final Path root;
  private final ClusterOptions options;
  private final Map<String, LocalCluster> clusters = new LinkedHashMap<>();
  private LocalS3 s3;
  private LocalAzurite azurite;
  private LocalGcs gcs;
  private LocalVelero velero;

  public Testbed(Path root, ClusterOptions options) {
    this.root = root;
    this.options = options;
  }

  /** The JVM-wide testbed, under {@code target/testbed} of the running module (or a temp dir). */
  public static synchronized Testbed shared() {
    if (shared == null) {
      Path root;
      try {
        Path target = Path.of("target");
        root = Files.isDirectory(target)
            ? Files.createTempDirectory(target.toAbsolutePath(), "testbed-")
            : Files.createTempDirectory("ferry-testbed-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      shared = new Testbed(root, ClusterOptions.full());
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "ferry-testbed-stop"));
    }
    return shared;
  }

  /** The cluster with this name, started if it is not running yet. */
  public synchronized LocalCluster cluster(String name) {
    return clusters.computeIfAbsent(name, n -> LocalCluster.start(n, root.resolve(n), options));
  }

  public LocalCluster source() {
    return cluster(SOURCE);
  }

  public LocalCluster destination() {
    return cluster(DESTINATION);
  }

  /** The S3-protocol server of this testbed, started on first use. */
  public synchronized LocalS3 s3() {
    if (s3 == null) {
      s3 = LocalS3.start(root.resolve("s3"));
    }
    return s3;
  }

  /** The Azure Blob emulator of this testbed, started on first use. */
  public synchronized LocalAzurite azurite() {
    if (azurite == null) {
      azurite = LocalAzurite.start(root.resolve("azurite"));
    }
    return azurite;
  }

  /**
   * A real node (containerd + kubelet) in the source and the destination cluster, started on first
   * call and shared by the JVM's tests. Where this machine cannot run containers the calling test is
   * skipped (JUnit's abort) with the reason; the KWOK nodes keep working either way.
   */
  public List<RealNode> realNodesOrSkip() {
    RealNodeSupport.assumeSupported();
    return List.of(source().realNode(), destination().realNode());
  }

  /** The Google Cloud Storage server (fake-gcs-server) of this testbed, started on first use. */
  public synchronized LocalGcs gcs() {
    if (gcs == null) {
      gcs = LocalGcs.start(root.resolve("gcs"));
    }
    return gcs;
  }

  /**
   * A real Velero server watching the source cluster (namespace {@value LocalVelero#NAMESPACE}),
   * its location on the bucket {@code velero} of {@link #s3()}; started on first use, shared by
   * the JVM's tests, stopped before the clusters. Velero reads the cluster's API groups when it
   * starts and again only every 5 minutes: create the CRDs whose resources it must back up before
   * the first call.
   */
  public synchronized LocalVelero velero() {
    if (velero == null) {
      velero = LocalVelero.start(source(), s3(), "velero", root.resolve("velero"));
    }
    return velero;
  }

  public synchronized List<LocalCluster> running() {
    return List.copyOf(clusters.values());
  }

  public Path root() {
    return root;
  }

  @Override
  public synchronized void close() {
    if (velero != null) {
      velero.close();
      velero = null;
    }
    clusters.values().forEach(LocalCluster::close);
    clusters.clear();
    if (s3 != null) {
      s3.close();
      s3 = null;
    }
    if (azurite != null) {
      azurite.close();
      azurite = null;
    }
    if (gcs != null) {
      gcs.close();
      gcs = null;
    }
  }
}
