package dev.ferry.cli;

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
}
