package dev.ferry.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Copies between the testbed's two real registries. */
@ExtendWith(TestbedExtension.class)
class ImageCopierIT {
  private final Random random = new Random(42);
  private final Registries registries = new Registries(256 * 1024);
  private final ImageCopier copier = new ImageCopier(registries);
  private String src;
  private String dst;
  private String repo;

  @BeforeEach
  void setUp(Testbed testbed) {
    src = testbed.source().registry().orElseThrow().hostPort();
    dst = testbed.destination().registry().orElseThrow().hostPort();
    repo = "shop/web-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void singlePlatformImageKeepsItsDigest() throws Exception {
    TestImages.Layer base = TestImages.randomLayer(random, "base.bin", 300_000); // chunked: over 256 KiB
    TestImages.Layer app = TestImages.randomLayer(random, "app.bin", 20_000);
    Manifest m = TestImages.pushImage(registries.client(src), repo, "linux", "amd64", List.of(base, app), false);
    registries.client(src).putManifest(repo, "v1", m);

    CopyResult result = copier.copy(ImageRef.of(src, repo, "v1"), ImageRef.of(dst, repo, "v1"), CopyOptions.DEFAULTS);

    assertThat(result.digest()).isEqualTo(m.digest());
    assertThat(result.blobsCopied()).isEqualTo(3);
    assertThat(result.bytesSent()).isGreaterThan(base.gzip().length + app.gzip().length);
    assertThat(registryDigest(dst, repo, "v1")).isEqualTo(m.digest()).isEqualTo(registryDigest(src, repo, "v1"));
    Manifest copied = registries.client(dst).getManifest(repo, "v1");
    assertThat(copied.content()).isEqualTo(m.content());
    assertThat(copied.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
    for (Descriptor blob : m.blobs()) {
      try (var in = registries.client(dst).openBlob(repo, blob)) {
        assertThat(in.readAllBytes()).hasSize((int) blob.size());
      }
    }
  }

  @Test
  void multiPlatformIndexIsCopiedWithAllPlatforms() throws Exception {
    TestImages.Layer shared = TestImages.randomLayer(random, "shared.bin", 50_000);
    Manifest amd = TestImages.pushImage(registries.client(src), repo, "linux", "amd64",
        List.of(shared, TestImages.randomLayer(random, "amd.bin", 10_000)), true);
    Manifest arm = TestImages.pushImage(registries.client(src), repo, "linux", "arm64",
        List.of(shared, TestImages.randomLayer(random, "arm.bin", 10_000)), true);
    Manifest index = TestImages.pushIndex(registries.client(src), repo, "multi", List.of(amd, arm),
        List.of("linux/amd64", "linux/arm64"));

    CopyResult result = copier.copy(ImageRef.of(src, repo, "multi"), ImageRef.of(dst, repo, "multi"),
        CopyOptions.DEFAULTS);

    assertThat(result.digest()).isEqualTo(index.digest());
    assertThat(result.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
    assertThat(result.blobsCopied()).as("shared layer sent once").isEqualTo(5);
    assertThat(result.manifestsPushed()).isEqualTo(3);
    assertThat(registryDigest(dst, repo, "multi")).isEqualTo(index.digest());
    assertThat(registryDigest(dst, repo, amd.digest())).isEqualTo(amd.digest());
    assertThat(registryDigest(dst, repo, arm.digest())).isEqualTo(arm.digest());
    assertThat(registries.client(dst).getManifest(repo, "multi").children())
        .extracting(Descriptor::platform).containsExactly("linux/amd64", "linux/arm64");
  }

  @Test
  void imageAlreadyPresentSendsNothing() {
    Manifest m = TestImages.pushImage(registries.client(src), repo, "linux", "amd64",
        List.of(TestImages.randomLayer(random, "a.bin", 40_000)), true);
    registries.client(src).putManifest(repo, "v1", m);
    ImageRef from = ImageRef.of(src, repo, "v1");
    ImageRef to = ImageRef.of(dst, repo, "v1");
    copier.copy(from, to, CopyOptions.DEFAULTS);

    CopyResult again = copier.copy(from, to, CopyOptions.DEFAULTS);

    assertThat(again.bytesSent()).isZero();
    assertThat(again.alreadyPresent()).isTrue();
    assertThat(again.blobsSkipped()).isEqualTo(2);
    assertThat(again.digest()).isEqualTo(m.digest());
  }

  @Test
  void tagMovedBetweenStageAndCutoverSendsOnlyNewBlobs() throws Exception {
    TestImages.Layer base = TestImages.randomLayer(random, "base.bin", 60_000);
    Manifest v1 = TestImages.pushImage(registries.client(src), repo, "linux", "amd64",
        List.of(base, TestImages.randomLayer(random, "app1.bin", 5_000)), false);
    registries.client(src).putManifest(repo, "latest", v1);
    ImageRef from = ImageRef.of(src, repo, "latest");
    ImageRef to = ImageRef.of(dst, repo, "latest");
    copier.copy(from, to, CopyOptions.DEFAULTS); // stage

    TestImages.Layer app2 = TestImages.randomLayer(random, "app2.bin", 5_000);
    Manifest v2 = TestImages.pushImage(registries.client(src), repo, "linux", "amd64", List.of(base, app2), false);
    registries.client(src).putManifest(repo, "latest", v2); // the tag moves
    java.util.concurrent.atomic.AtomicLong planned = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong accounted = new java.util.concurrent.atomic.AtomicLong();
    CopyResult cutover = copier.copy(from, to, CopyOptions.DEFAULTS.withProgress(accounted::addAndGet,
        planned::addAndGet));

    assertThat(cutover.digest()).isEqualTo(v2.digest()).isNotEqualTo(v1.digest());
    assertThat(registryDigest(dst, repo, "latest")).isEqualTo(v2.digest());
    assertThat(cutover.blobsCopied()).as("new config and layer").isEqualTo(2);
    assertThat(cutover.blobsSkipped()).as("base layer").isEqualTo(1);
    assertThat(cutover.bytesSent()).isLessThan(base.gzip().length);
    // Progress reaches the plan (every blob of the image), the base layer counted as present, not sent.
    assertThat(planned.get()).isEqualTo(v2.blobs().stream().mapToLong(Descriptor::size).sum());
    assertThat(accounted.get()).isEqualTo(planned.get()).isGreaterThan(cutover.bytesSent() - v2.content().length);
  }

  @Test
  void blobsAreMountedWithinOneRegistry() throws Exception {
    Manifest m = TestImages.pushImage(registries.client(src), repo, "linux", "amd64",
        List.of(TestImages.randomLayer(random, "a.bin", 40_000)), true);
    registries.client(src).putManifest(repo, "v1", m);

    CopyResult result = copier.copy(ImageRef.of(src, repo, "v1"), ImageRef.of(src, repo + "-copy", "v1"),
        CopyOptions.DEFAULTS);

    assertThat(result.blobsMounted()).isEqualTo(2);
    assertThat(result.blobsCopied()).isZero();
    assertThat(registryDigest(src, repo + "-copy", "v1")).isEqualTo(m.digest());
  }

  @Test
  void sharedLayersAreMountedFromTheRepositoryThatReceivedThem() throws Exception {
    TestImages.Layer base = TestImages.randomLayer(random, "base.bin", 80_000);
    for (String app : List.of("a", "b")) {
      Manifest m = TestImages.pushImage(registries.client(src), repo + "-" + app, "linux", "amd64",
          List.of(base, TestImages.randomLayer(random, app + ".bin", 1_000)), true);
      registries.client(src).putManifest(repo + "-" + app, "v1", m);
    }
    copier.copy(ImageRef.of(src, repo + "-a", "v1"), ImageRef.of(dst, repo + "-a", "v1"), CopyOptions.DEFAULTS);

    CopyResult second = copier.copy(ImageRef.of(src, repo + "-b", "v1"), ImageRef.of(dst, repo + "-b", "v1"),
        CopyOptions.DEFAULTS);

    assertThat(second.blobsMounted()).as("the base layer").isEqualTo(1);
    assertThat(second.blobsCopied()).isEqualTo(2);
    assertThat(second.bytesSent()).isLessThan(base.gzip().length);
    assertThat(registries.client(dst).blobExists(repo + "-b", Digests.sha256(base.gzip()))).isTrue();
  }

  @Test
  void unknownImageIsNamed() {
    assertThatThrownBy(() -> copier.copy(ImageRef.of(src, repo, "nope"), ImageRef.of(dst, repo, "nope"),
        CopyOptions.DEFAULTS))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining(src + "/" + repo + ":nope")
        .hasMessageContaining("does not exist")
        .hasMessageContaining("MANIFEST_UNKNOWN");
  }

  @Test
  void registryDownNamesRegistryAndImage() throws IOException {
    Manifest m = TestImages.pushImage(registries.client(src), repo, "linux", "amd64",
        List.of(TestImages.randomLayer(random, "a.bin", 1_000)), true);
    registries.client(src).putManifest(repo, "v1", m);
    String down;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      down = "127.0.0.1:" + socket.getLocalPort();
    } // closed: nothing listens there now

    assertThatThrownBy(() -> copier.copy(ImageRef.of(src, repo, "v1"), ImageRef.of(down, repo, "v1"),
        CopyOptions.DEFAULTS))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("registry " + down + " is unreachable")
        .hasMessageContaining(src + "/" + repo + ":v1")
        .hasMessageContaining("exposedRegistryPath");
  }

  /** The registry's own Docker-Content-Digest for a tag or digest, read without Ferry's client. */
  static String registryDigest(String registry, String repo, String reference) throws Exception {
    HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://" + registry + "/v2/" + repo + "/manifests/" + reference))
        .method("HEAD", HttpRequest.BodyPublishers.noBody())
        .header("Accept", MediaTypes.acceptHeader()).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.headers().firstValue("Docker-Content-Digest").orElseThrow();
  }
}
