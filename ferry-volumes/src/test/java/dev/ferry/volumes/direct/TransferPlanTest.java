package dev.ferry.volumes.direct;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.volumes.fs.FileEntry;
import dev.ferry.volumes.fs.FileKind;
import dev.ferry.volumes.fs.TestTrees;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransferPlanTest {
  private static final int MIB = 1 << 20;
  private static final DirectOptions OPTS = DirectOptions.defaults().withSegmentSize(4 * MIB);

  private static FileEntry file(String p, long size, FileTime mtime) {
    return new FileEntry(p, FileKind.FILE, size, 0644, 0, 0, mtime, null, null);
  }

  @Test
  void unchangedFilesAreSkippedChangedLargeOnesGoAsDeltaNewOnesInSegments() {
    FileTime t1 = TestTrees.T0;
    FileTime t2 = FileTime.fromMillis(t1.toMillis() + 1000);
    List<FileEntry> src = List.of(file("same", 10 * MIB, t1), file("changed", 10 * MIB, t2),
        file("new-large", 10 * MIB, t1), file("new-small", 100, t1), file("empty", 0, t1),
        new FileEntry("link2", FileKind.FILE, 100, 0644, 0, 0, t1, null, "new-small"));
    List<FileEntry> dst = List.of(file("same", 10 * MIB, t1), file("changed", 10 * MIB, t1));

    TransferPlan plan = TransferPlan.of(src, dst, Map.of(), OPTS);

    assertThat(plan.filesTotal).isEqualTo(5); // the hard link's second name has no content of its own
    assertThat(plan.filesUnchanged).isEqualTo(1);
    assertThat(plan.bytesUnchanged).isEqualTo(10 * MIB);
    assertThat(plan.tasks).containsExactly(new TransferPlan.Delta(1),
        new TransferPlan.Range(2, 0, 4 * MIB), new TransferPlan.Range(2, 4 * MIB, 4 * MIB),
        new TransferPlan.Range(2, 8 * MIB, 2 * MIB), new TransferPlan.Range(3, 0, 100),
        new TransferPlan.Range(4, 0, 0));
  }

  @Test
  void aMatchingPartialIsResumedOnlyWhereItHasGaps() {
    List<FileEntry> src = List.of(file("big", 10 * MIB, TestTrees.T0));
    RangeSet done = new RangeSet();
    done.add(0, 3 * MIB);
    done.add(5 * MIB, 6 * MIB);
    Map<String, PartialArea.Partial> partials = Map.of("big",
        new PartialArea.Partial("big", 10 * MIB, TestTrees.T0, done));

    TransferPlan plan = TransferPlan.of(src, List.of(), partials, OPTS);

    assertThat(plan.bytesUnchanged).isEqualTo(4 * MIB);
    assertThat(plan.tasks).containsExactly(new TransferPlan.Range(0, 3 * MIB, 2 * MIB),
        new TransferPlan.Range(0, 6 * MIB, 4 * MIB));
    // a partial of another version of the file is ignored
    TransferPlan stale = TransferPlan.of(List.of(file("big", 10 * MIB, FileTime.fromMillis(5))), List.of(),
        partials, OPTS);
    assertThat(stale.bytesUnchanged).isZero();
  }

  @Test
  void rangeSetMergesAndFindsGaps() {
    RangeSet r = new RangeSet();
    r.add(10, 20);
    r.add(30, 40);
    r.add(15, 32);
    r.add(50, 50);
    assertThat(r.covered()).isEqualTo(30);
    assertThat(r.missing(60)).containsExactly(new long[] {0, 10}, new long[] {40, 60});
  }
}
