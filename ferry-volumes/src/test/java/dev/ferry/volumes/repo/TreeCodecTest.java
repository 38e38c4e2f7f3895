package dev.ferry.volumes.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.volumes.chunk.ChunkId;
import dev.ferry.volumes.fs.FileEntry;
import dev.ferry.volumes.fs.FileKind;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeCodecTest {
  private static final FileTime T = FileTime.from(Instant.parse("2025-01-02T03:04:05.123456789Z"));

  @Test
  void roundTripsEveryKindOfEntry() {
    ChunkId c1 = Ids.hash(new byte[] {1}, 0, 1);
    ChunkId c2 = Ids.hash(new byte[] {2}, 0, 1);
    List<SnapshotEntry> tree = List.of(
        new SnapshotEntry(new FileEntry("d", FileKind.DIRECTORY, 0, 01777, 5, 6, T, null, null), 0, 0, List.of()),
        new SnapshotEntry(new FileEntry("d/f", FileKind.FILE, 9, 06755, 7, 8, T, null, null), 42, 99, List.of(c1, c2)),
        new SnapshotEntry(new FileEntry("d/h", FileKind.FILE, 9, 06755, 7, 8, T, null, "d/f"), 0, 0, List.of()),
        new SnapshotEntry(new FileEntry("l", FileKind.SYMLINK, 0, 0777, 0, 0, T, "../outside", null), 0, 0, List.of()),
        new SnapshotEntry(new FileEntry("文件 名", FileKind.FILE, 0, 0644, 0, 0, T, null, null), 1, 2, List.of()));
    assertThat(TreeCodec.decode(TreeCodec.encode(tree), "t")).isEqualTo(tree);
  }

  @Test
  void refusesPathsThatEscapeTheDestinationAndTruncatedTrees() {
    for (String bad : List.of("../etc/passwd", "a/../../b", "a//b", "./a")) {
      List<SnapshotEntry> tree = List.of(new SnapshotEntry(
          new FileEntry(bad, FileKind.FILE, 0, 0644, 0, 0, T, null, null), 0, 0, List.of()));
      assertThatThrownBy(() -> TreeCodec.decode(TreeCodec.encode(tree), "tree object T"))
          .isInstanceOf(RepositoryCorruptException.class).hasMessageContaining("tree object T")
          .hasMessageContaining("unsafe path");
    }
    List<SnapshotEntry> ok = List.of(new SnapshotEntry(
        new FileEntry("a", FileKind.FILE, 0, 0644, 0, 0, T, null, null), 0, 0, List.of()));
    byte[] bytes = TreeCodec.encode(ok);
    assertThatThrownBy(() -> TreeCodec.decode(Arrays.copyOf(bytes, bytes.length - 5), "tree object T"))
        .isInstanceOf(RepositoryCorruptException.class).hasMessageContaining("tree object T");
  }
}
