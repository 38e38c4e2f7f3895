package dev.ferry.volumes.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeScannerTest {
  @TempDir
  Path tmp;

  @Test
  void scansEveryKindWithItsMetadataInPathOrder() throws IOException {
    Path root = tmp.resolve("src");
    TestTrees.rich(root);

    List<FileEntry> entries = TreeScanner.scan(root);
    Map<String, FileEntry> byPath = entries.stream().collect(Collectors.toMap(FileEntry::path, Function.identity()));

    assertThat(entries).extracting(FileEntry::path).isSorted()
        .containsExactly("abs-link", "dangling", "data", "data/a.bin", "data/hard-2", "data/small.txt", "deep",
            "deep/er", "deep/er/still", "deep/er/still/leaf", "empty-dir", "empty-file", "rel-link", "sparse.img",
            "suid");
    FileEntry small = byPath.get("data/small.txt");
    assertThat(small.kind()).isEqualTo(FileKind.FILE);
    assertThat(small.size()).isEqualTo(12);
    assertThat(small.mode()).isEqualTo(0640);
    assertThat(small.uid()).isEqualTo(1000);
    assertThat(small.gid()).isEqualTo(1001);
    assertThat(small.mtime()).isEqualTo(FileTime.from(TestTrees.T0.toInstant().plusSeconds(1)));
    assertThat(byPath.get("suid").mode()).isEqualTo(06755);
    assertThat(byPath.get("empty-dir").mode()).isEqualTo(01777);
    assertThat(byPath.get("empty-dir").kind()).isEqualTo(FileKind.DIRECTORY);
    assertThat(byPath.get("empty-dir").size()).isZero();
    assertThat(byPath.get("deep/er").mode()).isEqualTo(02750);

    FileEntry rel = byPath.get("rel-link");
    assertThat(rel.kind()).isEqualTo(FileKind.SYMLINK);
    assertThat(rel.linkTarget()).isEqualTo("data/small.txt");
    assertThat(rel.uid()).isEqualTo(1006); // the link's own owner, not its target's
    assertThat(byPath.get("dangling").linkTarget()).isEqualTo("no/such/file");
    assertThat(byPath.get("abs-link").linkTarget()).isEqualTo("/nonexistent/abs-target");

    assertThat(byPath.get("data/a.bin").hardLinkOf()).isNull();
    assertThat(byPath.get("data/hard-2").hardLinkOf()).isEqualTo("data/a.bin");
    assertThat(byPath.get("sparse.img").size()).isEqualTo(8 << 20);
    assertThat(TreeScanner.contentBytes(entries)).isEqualTo(200_000 + 12 + 5000 + (8 << 20) + 10);
  }

  @Test
  void canLeaveOutTheReceiversPrivateArea() throws IOException {
    Path root = tmp.resolve("r");
    TestTrees.write(root.resolve(".ferry-partial/x"), new byte[3]);
    TestTrees.write(root.resolve("keep/.ferry-partial"), new byte[1]);
    TestTrees.write(root.resolve(".ferry-partial-not-it"), new byte[1]);

    assertThat(TreeScanner.scan(root, true)).extracting(FileEntry::path)
        .containsExactly(".ferry-partial-not-it", "keep", "keep/.ferry-partial");
    assertThat(TreeScanner.scan(root)).hasSize(5);
  }

  @Test
  void refusesARootThatIsNotADirectory() throws IOException {
    Path file = Files.writeString(tmp.resolve("f"), "x");
    assertThatThrownBy(() -> TreeScanner.scan(file)).hasMessageContaining("is not a directory");
    Path link = Files.createSymbolicLink(tmp.resolve("l"), tmp);
    assertThatThrownBy(() -> TreeScanner.scan(link)).hasMessageContaining("is not a directory");
  }
}
