package dev.ferry.volumes.direct;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.volumes.fs.FileEntry;
import dev.ferry.volumes.fs.FileKind;
import dev.ferry.volumes.fs.TestTrees;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestValidatorTest {
  private static FileEntry dir(String p) {
    return new FileEntry(p, FileKind.DIRECTORY, 0, 0755, 0, 0, TestTrees.T0, null, null);
  }

  private static FileEntry file(String p) {
    return new FileEntry(p, FileKind.FILE, 1, 0644, 0, 0, TestTrees.T0, null, null);
  }

  private static FileEntry link(String p, String target) {
    return new FileEntry(p, FileKind.SYMLINK, 0, 0777, 0, 0, TestTrees.T0, target, null);
  }

  @Test
  void acceptsAWellFormedTree() {
    assertThatCode(() -> ManifestValidator.validate(List.of(dir("a"), file("a/f"), link("a/l", "/etc"),
        new FileEntry("a/g", FileKind.FILE, 1, 0644, 0, 0, TestTrees.T0, null, "a/f")))).doesNotThrowAnyException();
  }

  @Test
  void rejectsPathsThatCouldEscapeTheRoot() {
    assertThatThrownBy(() -> ManifestValidator.validate(List.of(file("../etc/passwd"))))
        .hasMessageContaining("'../etc/passwd': path segments must be plain names");
    assertThatThrownBy(() -> ManifestValidator.validate(List.of(dir("a"), file("a//b"))))
        .hasMessageContaining("plain names");
    // a file "under" a symlink would be written wherever the link points
    assertThatThrownBy(() -> ManifestValidator.validate(List.of(link("a", "/etc"), file("a/passwd"))))
        .hasMessageContaining("'a/passwd': its parent is not a directory");
    assertThatThrownBy(() -> ManifestValidator.validate(List.of(file(".ferry-partial"))))
        .hasMessageContaining("reserved");
    assertThatThrownBy(() -> ManifestValidator.validate(List.of(
        new FileEntry("b", FileKind.FILE, 1, 0644, 0, 0, TestTrees.T0, null, "a")))).hasMessageContaining("hard link");
    assertThatThrownBy(() -> ManifestValidator.validate(List.of(file("x"), file("x")))).hasMessageContaining("duplicate");
  }
}
