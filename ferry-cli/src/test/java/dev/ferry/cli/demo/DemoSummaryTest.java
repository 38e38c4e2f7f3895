package dev.ferry.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's volume-tree digest and its side-by-side summary. */
class DemoSummaryTest {

  @Test
  void sameFilesSameDigestAnyChangeAnother(@TempDir Path dir) throws Exception {
    Path a = Files.createDirectories(dir.resolve("a/sub"));
    Path b = Files.createDirectories(dir.resolve("b/sub"));
    Files.writeString(a.resolve("x.csv"), "1,2\n");
    Files.writeString(b.resolve("x.csv"), "1,2\n");
    Files.writeString(dir.resolve("a/top"), "t");
    Files.writeString(dir.resolve("b/top"), "t");
    VolumeTree left = VolumeTree.of(dir.resolve("a"));
    assertThat(left).isEqualTo(VolumeTree.of(dir.resolve("b")));
    assertThat(left.files()).isEqualTo(2);
    assertThat(left.bytes()).isEqualTo(5);
    Files.writeString(b.resolve("x.csv"), "1,3\n");
    assertThat(VolumeTree.of(dir.resolve("b")).sha256()).isNotEqualTo(left.sha256());
    // Same content under another name is another tree.
    Files.writeString(b.resolve("x.csv"), "1,2\n");
    Files.move(dir.resolve("b/top"), dir.resolve("b/top2"));
    assertThat(VolumeTree.of(dir.resolve("b")).sha256()).isNotEqualTo(left.sha256());
    assertThat(VolumeTree.of(dir.resolve("missing"))).isEqualTo(VolumeTree.EMPTY);
    assertThat(VolumeTree.EMPTY.files()).isZero();
  }

  @Test
  void sideBySideReportsWhatEachSideHolds() {
    VolumeTree data = new VolumeTree(4, 103, "a2d17438178aa89a00ff");
    AppSnapshot source = new AppSnapshot("shop", true, Map.of("Deployment", 1), Map.of("deployment/shop", "0 (ready 0)"),
        List.of(new AppSnapshot.Claim("data-shop-db-0", "Bound", "pv-1", Path.of("/tmp/x"), data)));
    AppSnapshot target = new AppSnapshot("shop-prod", true, Map.of("Deployment", 1),
        Map.of("deployment/shop", "2 (ready 2)"),
        List.of(new AppSnapshot.Claim("data-shop-db-0", "Bound", "pv-2", Path.of("/tmp/y"), VolumeTree.EMPTY)));
    String text = DemoSummary.text("source", source, "destination", target);
    assertThat(text).containsPattern("\\s+SOURCE source/shop\\s+DESTINATION destination/shop-prod\n")
        .containsPattern("Deployment\\s+1\\s+1\n")
        .containsPattern("deployment/shop replicas\\s+0 \\(ready 0\\)\\s+2 \\(ready 2\\)\n")
        .containsPattern("  volume\\s+pv-1\\s+pv-2\n")
        .containsPattern("data files / bytes\\s+4 / 103\\s+0 / 0\n")
        .containsPattern("data sha256\\s+a2d17438178aa89a\\s+\\(empty\\)\n")
        .contains("Volume data: differs (source 4 files, destination 0)");
    String same = DemoSummary.text("source", source, "destination", new AppSnapshot("shop-prod", true,
        Map.of("Deployment", 1), Map.of(), List.of(new AppSnapshot.Claim("data-shop-db-0", "Bound", "pv-2",
            Path.of("/tmp/y"), data))));
    assertThat(same).contains("Volume data: identical on both sides.").containsPattern("replicas\\s+0 \\(ready 0\\)\\s+-\n");
    String missing = DemoSummary.text("source", source, "destination", new AppSnapshot("shop-prod", false, Map.of(),
        Map.of(), List.of()));
    assertThat(missing).containsPattern("Deployment\\s+1\\s+\\(no namespace\\)\n").containsPattern("pvc\\s+data-shop-db-0 Bound\\s+-\n");
  }

  @Test
  void imagesSideBySideWithTheDigestEachRegistryServes() {
    String digest = "sha256:4fff8575ec0b" + "0".repeat(52);
    String other = "sha256:9abc0123def4" + "0".repeat(52);
    AppSnapshot source = new AppSnapshot("shop", true, Map.of(), Map.of(), List.of(), "127.0.0.1:5001", List.of(
        new AppSnapshot.Image("deployment/shop", "127.0.0.1:5001/shop/storefront@" + digest, digest),
        new AppSnapshot.Image("statefulset/shop-db", "quay.io/ferry-demo/db:1.0", null)));
    AppSnapshot target = new AppSnapshot("shop-prod", true, Map.of(), Map.of(), List.of(), "127.0.0.1:5002", List.of(
        new AppSnapshot.Image("deployment/shop", "127.0.0.1:5002/shop-prod/storefront@" + digest, digest),
        new AppSnapshot.Image("statefulset/shop-db", "quay.io/ferry-demo/db:1.0", null)));
    String text = DemoSummary.text("source", source, "destination", target);
    assertThat(text).containsPattern("image registry\\s+127\\.0\\.0\\.1:5001\\s+127\\.0\\.0\\.1:5002\n")
        .containsPattern("deployment/shop image\\s+127\\.0\\.0\\.1:5001/shop/storefront@sha256:4fff8575ec0b\\s+"
            + "127\\.0\\.0\\.1:5002/shop-prod/storefront@sha256:4fff8575ec0b\n")
        .containsPattern("  registry serves\\s+sha256:4fff8575ec0b\\s+sha256:4fff8575ec0b\n")
        .containsPattern("statefulset/shop-db image\\s+quay\\.io/ferry-demo/db:1\\.0\\s+quay\\.io/ferry-demo/db:1\\.0\n")
        .contains("Image of deployment/shop: the destination registry serves it with the source's digest "
            + "sha256:4fff8575ec0b.")
        .doesNotContain("Image of statefulset/shop-db");
    // Only one "registry serves" row: the external image has none on either side.
    assertThat(text.lines().filter(l -> l.startsWith("  registry serves"))).hasSize(1);

    AppSnapshot missing = new AppSnapshot("shop-prod", true, Map.of(), Map.of(), List.of(), "127.0.0.1:5002",
        List.of(new AppSnapshot.Image("deployment/shop", "127.0.0.1:5002/shop-prod/storefront@" + digest, null)));
    assertThat(DemoSummary.text("source", source, "destination", missing))
        .containsPattern("  registry serves\\s+sha256:4fff8575ec0b\\s+\\(not in its registry\\)\n")
        .contains("Image of deployment/shop: the destination registry does not serve it.");
    AppSnapshot moved = new AppSnapshot("shop-prod", true, Map.of(), Map.of(), List.of(), "127.0.0.1:5002",
        List.of(new AppSnapshot.Image("deployment/shop", "127.0.0.1:5002/shop-prod/storefront:1.0", other)));
    assertThat(DemoSummary.text("source", source, "destination", moved))
        .contains("Image of deployment/shop: the destination registry serves digest sha256:9abc0123def4, the "
            + "source's is sha256:4fff8575ec0b.");
  }

  @Test
  void storefrontLayerIsAValidTarWithFixedBytes() throws Exception {
    byte[] tar = DemoImage.layerTar(Map.of("srv/a/index.html", "hi\n"));
    assertThat(tar.length % 512).isZero();
    assertThat(DemoImage.layerTar(Map.of("srv/a/index.html", "hi\n"))).isEqualTo(tar);
    // srv/, srv/a/, the file (header + one block), two end blocks.
    assertThat(tar).hasSize(512 * 6);
    assertThat(new String(tar, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("srv/");
    assertThat(new String(tar, 1024, 16, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("srv/a/index.html");
    assertThat(new String(tar, 1536, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("hi\n");
    // The header checksum: the byte sum with the checksum field read as spaces.
    int sum = 0;
    for (int i = 1024; i < 1536; i++) {
      sum += i >= 1024 + 148 && i < 1024 + 156 ? ' ' : tar[i] & 0xff;
    }
    assertThat(new String(tar, 1024 + 148, 6, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo(String.format("%06o", sum));
    if (new java.io.File("/usr/bin/tar").canExecute()) {
      Path file = Files.createTempFile("layer", ".tar");
      try {
        Files.write(file, tar);
        Process p = new ProcessBuilder("/usr/bin/tar", "-tvf", file.toString()).redirectErrorStream(true).start();
        String listing = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(listing).isZero();
        assertThat(listing).contains("srv/a/index.html").contains("root/root");
      } finally {
        Files.delete(file);
      }
    }
  }
}
