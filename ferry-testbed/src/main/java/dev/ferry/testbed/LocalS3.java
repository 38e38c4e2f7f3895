package dev.ferry.testbed;

import java.io.IOException;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * A real S3-protocol server: S3Proxy with its in-memory backend, run as its own JVM (its
 * dependencies would clash with ours in-process). Requests are signed (AWS SigV2/V4) with
 * per-instance credentials, as a real bucket's would be. Tests reach it on loopback
 * ({@link #endpoint()}); it listens on every address of this machine so that pods of a real node,
 * whose bridge does not reach the host's loopback, reach it at the host's own address
 * ({@link #endpointFor(String)}).
 */
public final class LocalS3 implements AutoCloseable {
  public static final String VERSION = "2.6.0";
  public static final String REGION = "us-east-1";

  private final ManagedProcess process;
  private final int port;
  private final String accessKey;
  private final String secretKey;

  private LocalS3(ManagedProcess process, int port, String accessKey, String secretKey) {
    this.process = process;
    this.port = port;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  public static Path jar() {
    return Binaries.cacheRoot().resolve("bin").resolve("s3proxy-" + VERSION).resolve("s3proxy.jar");
  }

  public static LocalS3 start(Path dir) {
    Path jar = jar();
    if (!Files.isRegularFile(jar)) {
      throw new TestbedException(jar + " is missing; fetch it with scripts/testbed-binaries.sh");
    }
    int port = LoopbackPorts.next();
    String accessKey = "ferry" + random(6);
    String secretKey = random(20);
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("s3proxy.conf"), String.join("\n",
          "s3proxy.endpoint=http://0.0.0.0:" + port,
          "s3proxy.authorization=aws-v2-or-v4",
          "s3proxy.identity=" + accessKey,
          "s3proxy.credential=" + secretKey,
          // In memory: jclouds' filesystem backend lists directories as objects, which S3 never does.
          "jclouds.provider=transient",
          ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    ManagedProcess process = ManagedProcess.start("s3proxy", List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
        "-jar", jar.toString(), "--properties", dir.resolve("s3proxy.conf").toString()), dir, dir.resolve("s3proxy.log"));
    LocalS3 s3 = new LocalS3(process, port, accessKey, secretKey);
    try {
      s3.awaitListening();
    } catch (RuntimeException e) {
      s3.close();
      throw e;
    }
    return s3;
  }

  private void awaitListening() {
    Readiness.await("s3proxy on port " + port, process, Duration.ofSeconds(60), () -> Readiness.listening(port));
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** The endpoint at {@code hostAddress}, one of this machine's own (e.g. {@code RealNode.address()}). */
  public String endpointFor(String hostAddress) {
    return "http://" + hostAddress + ":" + port;
  }

  public String accessKey() {
    return accessKey;
  }

  /** Never log it. */
  public String secretKey() {
    return secretKey;
  }

  /** Creates {@code bucket} if it does not exist yet. */
  public void createBucket(String bucket) {
    try (S3Client client = S3Client.builder()
        .endpointOverride(URI.create(endpoint()))
        .region(Region.of(REGION))
        .forcePathStyle(true)
        // S3Proxy rejects the SDK's default streaming checksums.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .build()) {
      if (client.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
        client.createBucket(b -> b.bucket(bucket));
      }
    }
  }

  @Override
  public void close() {
    process.close();
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
