package dev.ferry.testbed;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Velero server (the binary {@code scripts/build-velero.sh} builds) run out-of-cluster
 * against a testbed cluster, as the interop tests need it: its CRDs created by {@code velero
 * install --crds-only} before it starts (it refreshes discovery only every 5 minutes), a
 * {@code velero} Deployment scaled to 0 in its namespace (its restore actions read that
 * Deployment's image), the AWS plugin in its plugin dir, and one BackupStorageLocation
 * {@value #LOCATION} on a bucket of the testbed's S3 server. Its metrics and profiler listen on
 * loopback ports of their own; controller-runtime's listener is linked off by the build.
 */
public final class LocalVelero implements AutoCloseable {
  public static final String VERSION = "v1.18.3";
  public static final String NAMESPACE = "velero";
  public static final String LOCATION = "default";
  private static final ResourceDefinitionContext BSL = new ResourceDefinitionContext.Builder()
      .withGroup("velero.io").withVersion("v1").withKind("BackupStorageLocation")
      .withPlural("backupstoragelocations").withNamespaced(true).build();

  private final LocalCluster cluster;
  private final String bucket;
  private final Path dir;
  private ManagedProcess server;

  private LocalVelero(LocalCluster cluster, String bucket, Path dir) {
    this.cluster = cluster;
    this.bucket = bucket;
    this.dir = dir;
  }

  /** Velero's directory in the cache: {@code velero} and {@code plugins/}. */
  public static Path home() {
    return Binaries.cacheRoot().resolve("bin").resolve("velero-" + VERSION);
  }

  /** The velero binary; fails with the script that builds it when it is missing. */
  public static Path binary() {
    Path velero = home().resolve("velero");
    if (!Files.isExecutable(velero) || !Files.isExecutable(home().resolve("plugins").resolve("velero-plugin-for-aws"))) {
      throw new TestbedException(velero + " or its AWS plugin is missing; build them with scripts/build-velero.sh "
          + "(scripts/testbed-binaries.sh runs it)");
    }
    return velero;
  }

  /**
   * Starts Velero against {@code cluster}, its location on {@code bucket} of {@code s3} (created
   * here), and waits until the location is Available.
   */
  public static LocalVelero start(LocalCluster cluster, LocalS3 s3, String bucket, Path dir) {
    LocalVelero velero = new LocalVelero(cluster, bucket, dir);
    try {
      velero.boot(s3);
      return velero;
    } catch (RuntimeException e) {
      velero.close();
      throw e;
    }
  }

  private void boot(LocalS3 s3) {
    Path bin = binary();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    s3.createBucket(bucket);
    try {
      // The CLI's config (HOME is this directory for every velero command run here): plain output.
      Path config = Files.createDirectories(dir.resolve(".config").resolve("velero")).resolve("config.json");
      Files.writeString(config, "{\"colorized\":\"false\"}\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Creates the CRDs missing; leaves those already there (Ferry's are Velero's schemas).
    Result crds = run(Duration.ofMinutes(2), "install", "--crds-only");
    if (crds.exitCode() != 0) {
      throw new TestbedException("velero install --crds-only failed:\n" + crds.output());
    }
    KubernetesClient client = cluster.client();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .fieldManager("ferry-testbed").serverSideApply();
    client.apps().deployments().inNamespace(NAMESPACE).resource(new DeploymentBuilder()
        .withNewMetadata().withName("velero").endMetadata()
        .withNewSpec().withReplicas(0)
        .withNewSelector().addToMatchLabels("deploy", "velero").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("deploy", "velero").endMetadata()
        .withNewSpec().addNewContainer().withName("velero").withImage("velero/velero:" + VERSION).endContainer()
        .endSpec().endTemplate().endSpec().build()).fieldManager("ferry-testbed").serverSideApply();
    client.genericKubernetesResources(BSL).inNamespace(NAMESPACE).resource(Serialization.unmarshal("""
        apiVersion: velero.io/v1
        kind: BackupStorageLocation
        metadata: {name: %s, namespace: %s}
        spec:
          provider: aws
          default: true
          objectStorage: {bucket: %s}
          config: {region: %s, s3Url: "%s", s3ForcePathStyle: "true"}
        """.formatted(LOCATION, NAMESPACE, bucket, LocalS3.REGION, s3.endpoint()),
        GenericKubernetesResource.class)).fieldManager("ferry-testbed").serverSideApply();

    List<String> command = new ArrayList<>(List.of(bin.toString(), "server",
        "--kubeconfig", cluster.kubeconfig().toString(),
        "--namespace", NAMESPACE,
        "--plugin-dir", home().resolve("plugins").toString(),
        "--metrics-address", "127.0.0.1:" + LoopbackPorts.next(),
        "--profiler-address", "127.0.0.1:" + LoopbackPorts.next(),
        // Tests wait for syncs (Velero looks once a minute, and syncs a location at most this often).
        "--backup-sync-period", "5s",
        "--store-validation-frequency", "10s",
        "--log-level", "info"));
    // The credentials as `velero install` gives them: a file named by AWS_SHARED_CREDENTIALS_FILE (the
    // location's own `credential` makes Velero rewrite a file in place while its plugins read it).
    Path credentials = dir.resolve("credentials-velero");
    try {
      Files.writeString(credentials, s3CredentialsFile(s3));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server = ManagedProcess.start("velero", command, dir, dir.resolve("velero.log"),
        Map.of("AWS_SHARED_CREDENTIALS_FILE", credentials.toString()));
    Readiness.await("Velero's location " + LOCATION + " Available", server, Duration.ofSeconds(120),
        () -> "Available".equals(locationPhase()));
  }

  private String locationPhase() {
    GenericKubernetesResource location = cluster.client().genericKubernetesResources(BSL).inNamespace(NAMESPACE)
        .withName(LOCATION).get();
    Object status = location == null ? null : location.getAdditionalProperties().get("status");
    return status instanceof Map<?, ?> map && map.get("phase") != null ? map.get("phase").toString() : null;
  }

  /** The phase Velero last wrote on its location ({@code Available}, {@code Unavailable}), or null. */
  public String locationStatusPhase() {
    return locationPhase();
  }

  /** An AWS shared-credentials file with the S3 server's keys (never log it). */
  public static String s3CredentialsFile(LocalS3 s3) {
    return "[default]\naws_access_key_id=" + s3.accessKey() + "\naws_secret_access_key=" + s3.secretKey() + "\n";
  }

  public LocalCluster cluster() {
    return cluster;
  }

  public String bucket() {
    return bucket;
  }

  public Path log() {
    return dir.resolve("velero.log");
  }

  /** The server's log as written so far. */
  public String serverLog() {
    try {
      return Files.exists(log()) ? Files.readString(log()) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails with the tail of its log if the server has died. */
  public void checkAlive() {
    server.checkAlive();
  }

  /** Runs the velero CLI against this cluster and namespace, e.g. {@code cli("backup", "get")}. */
  public Result cli(String... args) {
    return cli(Duration.ofMinutes(3), args);
  }

  /** As {@link #cli(String...)}, for commands that may take longer, such as a restore of 10 000 objects. */
  public Result cli(Duration timeout, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--namespace", NAMESPACE));
    return run(timeout, all.toArray(String[]::new));
  }

  private Result run(Duration timeout, String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary().toString());
    command.addAll(List.of(args));
    command.addAll(List.of("--kubeconfig", cluster.kubeconfig().toString()));
    try {
      Path out = Files.createTempFile(dir, "velero-cli-", ".log");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
      builder.environment().put("TMPDIR", dir.toString());
      // The CLI reads its config (colorized=false) here, not in the user's home.
      builder.environment().put("HOME", dir.toString());
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new TestbedException("velero " + String.join(" ", args) + " did not finish in " + timeout
            + ":\n" + Files.readString(out));
      }
      String output = Files.readString(out, StandardCharsets.UTF_8);
      Files.deleteIfExists(out);
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestbedException("interrupted running velero " + String.join(" ", args), e);
    }
  }

  /** Exit code and combined stdout/stderr of one velero CLI run. */
  public record Result(int exitCode, String output) {
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
