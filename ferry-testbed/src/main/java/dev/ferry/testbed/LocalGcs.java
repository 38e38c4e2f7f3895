package dev.ferry.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Google Cloud Storage JSON/XML API server on a loopback port: fake-gcs-server, built from
 * its Go module by {@code scripts/build-fake-gcs.sh}, with its in-memory backend over plain HTTP.
 * It does not check credentials; clients talk to it anonymously.
 */
public final class LocalGcs implements AutoCloseable {
  public static final String VERSION = "v1.56.1";

  private final ManagedProcess process;
  private final int port;

  private LocalGcs(ManagedProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  public static Path binary() {
    return Binaries.cacheRoot().resolve("bin").resolve("fake-gcs-server-" + VERSION).resolve("fake-gcs-server");
  }

  public static LocalGcs start(Path dir) {
    Path binary = binary();
    if (!Files.isExecutable(binary)) {
      throw new TestbedException(binary + " is missing; build it with scripts/build-fake-gcs.sh (needs Go)");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int port = LoopbackPorts.next();
    String url = "http://127.0.0.1:" + port;
    ManagedProcess process = ManagedProcess.start("fake-gcs-server", List.of(binary.toString(),
        "-scheme", "http", "-host", "127.0.0.1", "-port", String.valueOf(port), "-backend", "memory",
        // Upload sessions and media links must point back here, not at storage.googleapis.com.
        "-external-url", url, "-public-host", "127.0.0.1:" + port, "-log-level", "warn"),
        dir, dir.resolve("fake-gcs-server.log"));
    LocalGcs gcs = new LocalGcs(process, port);
    try {
      Readiness.await("fake-gcs-server on port " + port, process, Duration.ofSeconds(60),
          () -> Readiness.listening(port));
    } catch (RuntimeException e) {
      gcs.close();
      throw e;
    }
    return gcs;
  }

  /** http://127.0.0.1:port, the JSON API endpoint (what the GCS client calls its host). */
  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** Creates a bucket through the JSON API, as {@code gsutil mb} would. */
  public void createBucket(String name) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(endpoint() + "/storage/v1/b?project=ferry"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new TestbedException("fake-gcs-server refused to create bucket " + name + ": HTTP "
            + response.statusCode() + " " + response.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestbedException("interrupted while creating bucket " + name);
    }
  }

  /**
   * A service-account key file as Google issues it, with a fresh RSA key, for tests of how
   * credentials are read (fake-gcs-server itself takes no credentials). Its token_uri points at a
   * loopback port, so a client that tried to use it could never reach Google.
   */
  public static String serviceAccountKeyJson(String clientEmail) {
    try {
      java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      String body = java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
          .encodeToString(generator.generateKeyPair().getPrivate().getEncoded()).replace("\n", "\\n");
      String pem = "-----BEGIN PRIVATE KEY-----\\n" + body + "\\n-----END PRIVATE KEY-----\\n";
      String project = clientEmail.replaceAll("^.*@([^.]+)\\..*$", "$1");
      return "{\"type\": \"service_account\", \"project_id\": \"" + project + "\", \"private_key_id\": \"k1\", "
          + "\"private_key\": \"" + pem + "\", \"client_email\": \"" + clientEmail + "\", \"client_id\": \"1\", "
          + "\"token_uri\": \"http://127.0.0.1:9/token\"}";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.close();
  }
}
