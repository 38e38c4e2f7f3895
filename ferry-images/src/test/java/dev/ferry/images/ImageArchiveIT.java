package dev.ferry.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.objectstore.FilesystemObjectStore;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Indirect image migration: source registry → replication repository (filesystem) → destination registry. */
@ExtendWith(TestbedExtension.class)
class ImageArchiveIT {
  private final Random random = new Random(3);
  private final Registries registries = new Registries();

  @Test
  void multiPlatformImageGoesThroughTheRepositoryWithItsDigests(Testbed testbed, @TempDir Path dir) throws Exception {
    String src = testbed.source().registry().orElseThrow().hostPort();
    String dst = testbed.destination().registry().orElseThrow().hostPort();
    String repo = "indirect/app-" + UUID.randomUUID().toString().substring(0, 8);
    TestImages.Layer shared = TestImages.randomLayer(random, "shared.bin", 40_000);
    Manifest amd = TestImages.pushImage(registries.client(src), repo, "linux", "amd64",
        List.of(shared, TestImages.randomLayer(random, "amd.bin", 5_000)), true);
    Manifest arm = TestImages.pushImage(registries.client(src), repo, "linux", "arm64",
        List.of(shared, TestImages.randomLayer(random, "arm.bin", 5_000)), true);
    Manifest index = TestImages.pushIndex(registries.client(src), repo, "v1", List.of(amd, arm),
        List.of("linux/amd64", "linux/arm64"));
    try (FilesystemObjectStore store = new FilesystemObjectStore(dir)) {
      ImageArchive archive = new ImageArchive(store, "images", registries);

      CopyResult saved = archive.save(ImageRef.of(src, repo, "v1"), CopyOptions.DEFAULTS);
      assertThat(saved.digest()).isEqualTo(index.digest());
      assertThat(saved.blobsCopied()).isEqualTo(5);
      assertThat(archive.taggedDigest(repo, "v1")).isEqualTo(index.digest());
      CopyResult savedAgain = archive.save(ImageRef.of(src, repo, "v1"), CopyOptions.DEFAULTS);
      assertThat(savedAgain.bytesSent()).isZero();
      assertThat(savedAgain.blobsSkipped()).isEqualTo(5);

      CopyResult loaded = archive.load(index.digest(), ImageRef.of(dst, repo, "v1"), CopyOptions.DEFAULTS);
      assertThat(loaded.blobsCopied()).isEqualTo(5);
      assertThat(ImageCopierIT.registryDigest(dst, repo, "v1")).isEqualTo(index.digest());
      assertThat(ImageCopierIT.registryDigest(dst, repo, amd.digest())).isEqualTo(amd.digest());
      assertThat(archive.load(index.digest(), ImageRef.of(dst, repo, "v1"), CopyOptions.DEFAULTS).bytesSent())
          .isZero();
    }
  }

  @Test
  void corruptArchivedBlobIsNamedAndNotPushed(Testbed testbed, @TempDir Path dir) throws Exception {
    String src = testbed.source().registry().orElseThrow().hostPort();
    String dst = testbed.destination().registry().orElseThrow().hostPort();
    String repo = "indirect/corrupt-" + UUID.randomUUID().toString().substring(0, 8);
    TestImages.Layer layer = TestImages.randomLayer(random, "l.bin", 20_000);
    Manifest m = TestImages.pushImage(registries.client(src), repo, "linux", "amd64", List.of(layer), true);
    registries.client(src).putManifest(repo, "v1", m);
    try (FilesystemObjectStore store = new FilesystemObjectStore(dir)) {
      ImageArchive archive = new ImageArchive(store, "images", registries);
      archive.save(ImageRef.of(src, repo, "v1"), CopyOptions.DEFAULTS);
      String layerDigest = Digests.sha256(layer.gzip());
      Path stored;
      try (var files = Files.walk(dir)) {
        stored = files.filter(p -> p.getFileName().toString().equals(Digests.hex(layerDigest))).findFirst()
            .orElseThrow();
      }
      byte[] damaged = Files.readAllBytes(stored);
      damaged[10] ^= 1;
      Files.write(stored, damaged);

      assertThatThrownBy(() -> archive.load(m.digest(), ImageRef.of(dst, repo, "v1"), CopyOptions.DEFAULTS))
          .isInstanceOf(ImageException.class)
          .hasMessageContaining("loading image " + m.digest())
          .hasMessageContaining("blob " + layerDigest)
          .hasMessageContaining("corrupt");
      assertThat(registries.client(dst).blobExists(repo, layerDigest)).isFalse();
      assertThat(registries.client(dst).manifestDigest(repo, "v1")).isEmpty();
    }
  }
}
