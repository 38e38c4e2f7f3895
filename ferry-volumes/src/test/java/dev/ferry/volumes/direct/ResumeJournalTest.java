package dev.ferry.volumes.direct;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.volumes.fs.FileEntry;
import dev.ferry.volumes.fs.FileKind;
import dev.ferry.volumes.fs.TestTrees;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resume journal on real files: what it trusts after a kill (same boot) and after a crash (another boot). */
class ResumeJournalTest {
  private static final int MIB = 1 << 20;

  @TempDir
  Path root;

  @AfterEach
  void restore() {
    IncomingFile.checkpointBytes = 64L << 20;
  }

  @Test
  void afterAKillEveryRecordCountsAfterACrashOnlyCheckpointedOnes() throws Exception {
    IncomingFile.checkpointBytes = 2L * MIB;
    FileEntry e = new FileEntry("big.bin", FileKind.FILE, 8L * MIB, 0644, 0, 0, TestTrees.T0, null, null);
    PartialArea area = new PartialArea(root);
    area.ensure();
    IncomingFile f = IncomingFile.open(area, 0, e, "t");
    byte[] data = TestTrees.random(1, MIB);
    for (int i = 0; i < 5; i++) { // 5 frames: checkpoints after the 2nd and the 4th
      f.write(ByteBuffer.wrap(data), (long) i * MIB);
    }
    f.close(); // the process dies here: no completion

    Path journal = area.journalFile(PartialArea.key(e.path(), e.size(), e.mtime()));
    assertThat(PartialArea.readJournal(journal).done().covered()).as("same boot: page cache survived a kill")
        .isEqualTo(5L * MIB);
    assertThat(PartialArea.readJournal(journal, "another-boot").done().covered())
        .as("after a crash: only data fsync'd before a checkpoint").isEqualTo(4L * MIB);

    // Resuming rewrites the journal for this boot and keeps exactly what it trusted.
    IncomingFile resumed = IncomingFile.open(area, 0, e, "t2");
    resumed.close();
    assertThat(PartialArea.readJournal(journal, "yet-another-boot").done().covered()).isEqualTo(5L * MIB);
    assertThat(Files.exists(area.dataFile(PartialArea.key(e.path(), e.size(), e.mtime())))).isTrue();
  }

  @Test
  void aJournalOfAnOlderFormatIsNotTrusted() throws Exception {
    PartialArea area = new PartialArea(root);
    area.ensure();
    Path journal = area.journalFile("old");
    try (var out = new java.io.DataOutputStream(Files.newOutputStream(journal))) {
      out.writeUTF("big.bin"); // format 1: no magic, no boot id
      out.writeLong(8L * MIB);
      out.writeLong(0);
      out.writeInt(0);
      out.writeLong(0);
      out.writeInt(MIB);
    }
    assertThat(PartialArea.readJournal(journal)).isNull();
  }
}
