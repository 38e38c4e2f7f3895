package dev.ferry.volumes.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeVerifierTest {
  @TempDir
  Path tmp;
  Path src;
  Path dst;

  @BeforeEach
  void copyWithCp() throws Exception {
    src = tmp.resolve("src");
    dst = Files.createDirectories(tmp.resolve("dst"));
    TestTrees.rich(src);
    TestTrees.cpA(src, dst);
  }

  @Test
  void aFaithfulCopyPasses() throws Exception {
    VerificationReport report = TreeVerifier.verify(src, dst);
    assertThat(report.entries()).isEqualTo(15);
    assertThat(report.files()).isEqualTo(6); // the hard link's second name is not hashed twice
    assertThat(report.bytes()).isEqualTo(200_000 + 12 + 5000 + (8 << 20) + 10);
  }

  @Test
  void contentDifferenceNamesTheFileAndBothHashes() throws Exception {
    FileTime mtime = Files.getLastModifiedTime(dst.resolve("data/a.bin"));
    try (RandomAccessFile f = new RandomAccessFile(dst.resolve("data/a.bin").toFile(), "rw")) {
      f.seek(100_000);
      f.write(~f.read());
    }
    Files.setLastModifiedTime(dst.resolve("data/a.bin"), mtime);
    String srcHash = TreeVerifier.sha256(src.resolve("data/a.bin")).substring(0, 12);
    String dstHash = TreeVerifier.sha256(dst.resolve("data/a.bin")).substring(0, 12);

    assertThatThrownBy(() -> TreeVerifier.verify(src, dst)).isInstanceOf(VolumeMismatchException.class)
        .hasMessageContaining("data/a.bin: content differs (sha256 " + srcHash + "… vs " + dstHash + "…)");
  }

  @Test
  void sizeModeOwnerAndMtimeDifferencesAreEachNamed() throws Exception {
    Files.write(dst.resolve("deep/er/still/leaf"), new byte[3]);
    Files.setAttribute(dst.resolve("suid"), "unix:mode", 0755);
    Files.setAttribute(dst.resolve("data/small.txt"), "unix:uid", 0);
    Files.setLastModifiedTime(dst.resolve("empty-dir"), FileTime.from(Instant.EPOCH));

    VolumeMismatchException e = catchMismatch();
    assertThat(e.mismatches()).contains(
        "deep/er/still/leaf: size differs (5000 vs 3 bytes)",
        "suid: mode differs (06755 vs 0755)",
        "data/small.txt: owner differs (1000:1001 vs 0:1001)",
        "empty-dir: mtime differs (2024-03-01T10:15:33.123456789Z vs 1970-01-01T00:00:00Z)");
  }

  @Test
  void missingExtraKindAndLinkDifferencesAreNamed() throws Exception {
    Files.delete(dst.resolve("empty-file"));
    Files.writeString(dst.resolve("stray"), "x");
    Files.delete(dst.resolve("empty-dir"));
    Files.writeString(dst.resolve("empty-dir"), "");
    Files.delete(dst.resolve("rel-link"));
    Files.createSymbolicLink(dst.resolve("rel-link"), Path.of("elsewhere"));

    VolumeMismatchException e = catchMismatch();
    assertThat(e.mismatches()).contains(
        "empty-file: missing on destination",
        "stray: extra on destination (file not in source)",
        "empty-dir: kind differs (DIRECTORY vs FILE)",
        "rel-link: link target differs (data/small.txt vs elsewhere)");
    assertThat(e.getMessage()).startsWith("destination differs from source in ");
  }

  @Test
  void aBrokenHardLinkIsAMismatchEvenWithEqualContent() throws Exception {
    Path second = dst.resolve("data/hard-2");
    FileTime mtime = Files.getLastModifiedTime(second);
    Files.delete(second);
    Files.copy(dst.resolve("data/a.bin"), second);
    Files.setAttribute(second, "unix:uid", 1002);
    Files.setAttribute(second, "unix:gid", 1003);
    Files.setAttribute(second, "unix:mode", 0600);
    Files.setLastModifiedTime(second, mtime);
    Files.setLastModifiedTime(dst.resolve("data"), Files.getLastModifiedTime(src.resolve("data")));

    assertThat(catchMismatch().mismatches())
        .containsExactly("data/hard-2: hard link differs (same inode as data/a.bin vs own inode)");
  }

  @Test
  void aSymlinksOwnOwnerCounts() throws Exception {
    Files.setAttribute(dst.resolve("rel-link"), "unix:uid", 0, LinkOption.NOFOLLOW_LINKS);
    assertThat(catchMismatch().mismatches()).containsExactly("rel-link: owner differs (1006:1007 vs 0:1007)");
  }

  private VolumeMismatchException catchMismatch() throws IOException {
    try {
      TreeVerifier.verify(src, dst);
    } catch (VolumeMismatchException e) {
      return e;
    }
    throw new AssertionError("expected the verifier to find a mismatch");
  }
}
