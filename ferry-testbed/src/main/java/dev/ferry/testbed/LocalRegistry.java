package dev.ferry.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * A real container registry (the CNCF distribution registry, Debian's {@code docker-registry})
 * on a loopback port, storing under its own directory. Plain HTTP: it is a cluster's
 * "exposed registry path" for tests, reachable only from this machine.
 */
public final class LocalRegistry implements AutoCloseable {
  public static final String BINARY = "/usr/bin/docker-registry";

  private final ManagedProcess process;
  private final int port;

  private LocalRegistry(ManagedProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  public static LocalRegistry start(String name, Path dir) {
    if (!Files.isExecutable(Path.of(BINARY))) {
      throw new TestbedException(BINARY + " is missing; install Debian's registry with "
          + "'apt-get install docker-registry' (scripts/install-prerequisites.sh does)");
    }
    int port = LoopbackPorts.next();
    try {
      Files.createDirectories(dir.resolve("data"));
      byte[] secret = new byte[16];
      new SecureRandom().nextBytes(secret);
      Files.writeString(dir.resolve("config.yml"), """
          version: 0.1
          log:
            level: warn
            accesslog:
              disabled: true
          storage:
            filesystem:
              rootdirectory: %s
            delete:
              enabled: true
          http:
            addr: 127.0.0.1:%d
            secret: %s
          """.formatted(dir.resolve("data"), port, HexFormat.of().formatHex(secret)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ManagedProcess process = ManagedProcess.start(name, List.of(BINARY, "serve", dir.resolve("config.yml").toString()),
        dir, dir.resolve("registry.log"));
    LocalRegistry registry = new LocalRegistry(process, port);
    try {
      registry.awaitReady();
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
    return registry;
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    Readiness.await("registry on port " + port, process, Duration.ofSeconds(30), () -> {
      try {
        return http.send(HttpRequest.newBuilder(URI.create(url() + "/v2/")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
      } catch (IOException e) {
        return false; // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TestbedException("interrupted while waiting for the registry");
      }
    });
  }

  /** {@code 127.0.0.1:port}: what a MigCluster's exposedRegistryPath names. */
  public String hostPort() {
    return "127.0.0.1:" + port;
  }

  public String url() {
    return "http://" + hostPort();
  }

  public ManagedProcess process() {
    return process;
  }

  @Override
  public void close() {
    process.close();
  }
}
