package dev.ferry.volumes.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataApplierTest {
  @TempDir
  Path tmp;

  @Test
  void recreatedTreeWithAppliedMetadataVerifies() throws Exception {
    Path src = tmp.resolve("src");
    Path dst = tmp.resolve("dst");
    TestTrees.rich(src);
    List<FileEntry> entries = TreeScanner.scan(src);
    TestTrees.recreateWithoutMetadata(src, dst, entries);
    assertThatThrownBy(() -> TreeVerifier.verify(src, dst)).isInstanceOf(VolumeMismatchException.class);

    MetadataApplier.applyAll(dst, entries);

    assertThat(TreeVerifier.verify(src, dst).entries()).isEqualTo(entries.size());
  }

  @Test
  void ownerIsAppliedBeforeModeSoSetuidSurvivesChown() throws Exception {
    Path root = tmp.resolve("r");
    TestTrees.write(root.resolve("tool"), new byte[] {1});
    FileEntry e = new FileEntry("tool", FileKind.FILE, 1, 04755, 1234, 1234, TestTrees.T0, null, null);

    MetadataApplier.apply(root, e);

    FileEntry scanned = TreeScanner.scan(root).get(0);
    assertThat(scanned).isEqualTo(e);
  }

  @Test
  void aMissingFileGivesAnErrorNamingIt() {
    FileEntry e = new FileEntry("nope", FileKind.FILE, 1, 0644, 0, 0, TestTrees.T0, null, null);
    assertThatThrownBy(() -> MetadataApplier.apply(tmp, e)).hasMessageStartingWith("nope: cannot apply owner 0:0");
  }
}
