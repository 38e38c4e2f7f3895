package dev.ferry.testbed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Azurite's Blob service (the Azure Storage emulator, from npm) on a loopback port, storing
 * under its own directory. Clients authenticate with Azurite's well-known development account.
 */
public final class LocalAzurite implements AutoCloseable {
  public static final String VERSION = "3.37.0";
  /** Azurite's fixed development account; its key is public, documented by Azurite. */
  public static final String ACCOUNT = "devstoreaccount1";
  public static final String ACCOUNT_KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private final ManagedProcess process;
  private final int port;

  private LocalAzurite(ManagedProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  public static Path binary() {
    return Binaries.cacheRoot().resolve("bin").resolve("azurite-" + VERSION)
        .resolve("node_modules").resolve(".bin").resolve("azurite-blob");
  }

  public static LocalAzurite start(Path dir) {
    Path binary = binary();
    if (!Files.isExecutable(binary)) {
      throw new TestbedException(binary + " is missing; install it with scripts/testbed-binaries.sh (needs npm)");
    }
    int port = LoopbackPorts.next();
    ManagedProcess process = ManagedProcess.start("azurite", List.of(binary.toString(),
        "--blobHost", "127.0.0.1", "--blobPort", String.valueOf(port),
        "--location", dir.resolve("data").toString(), "--silent", "--skipApiVersionCheck", "--disableTelemetry"),
        dir, dir.resolve("azurite.log"));
    LocalAzurite azurite = new LocalAzurite(process, port);
    try {
      Readiness.await("azurite on port " + port, process, Duration.ofSeconds(60), () -> Readiness.listening(port));
    } catch (RuntimeException e) {
      azurite.close();
      throw e;
    }
    return azurite;
  }

  /** http://127.0.0.1:port/devstoreaccount1, the account's blob endpoint. */
  public String blobEndpoint() {
    return "http://127.0.0.1:" + port + "/" + ACCOUNT;
  }

  public String connectionString() {
    return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + ACCOUNT_KEY
        + ";BlobEndpoint=" + blobEndpoint() + ";";
  }

  @Override
  public void close() {
    process.close();
  }
}
