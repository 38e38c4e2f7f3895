package dev.ferry.volumes.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.objectstore.FilesystemObjectStore;
import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.TransferProgress;
import dev.ferry.volumes.fs.TestTrees;
import dev.ferry.volumes.fs.TreeVerifier;
import dev.ferry.volumes.fs.VolumeMismatchException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshot → restore → verify on a filesystem object store, with small packs so a few MiB span several. */
class SnapshotRepositoryTest {
  private static final Map<String, String> TAGS = Map.of("plan", "p1", "pvc", "ns1/data");

  @TempDir
  Path tmp;
  private Path source;
  private FilesystemObjectStore store;
  private SnapshotRepository repo;

  @BeforeEach
  void setUp() throws Exception {
    source = tmp.resolve("source");
    TestTrees.rich(source);
    TestTrees.write(source.resolve("big/one.bin"), TestTrees.random(10, 16 << 20));
    TestTrees.write(source.resolve("big/two.bin"), TestTrees.random(11, 2 << 20));
    for (int i = 0; i < 50; i++) {
      TestTrees.write(source.resolve("many/f" + i + ".txt"), ("small file " + i + "\n").repeat(i + 1).getBytes());
    }
    symlinkTimesToMicroseconds(source);
    Files.createDirectories(tmp.resolve("repo"));
    store = new FilesystemObjectStore(tmp.resolve("repo"));
    repo = new SnapshotRepository(store, "clusters/c1", RepositoryOptions.defaults().withPackBytes(1 << 20));
  }

  @Test
  void snapshotRestoresToAnEmptyDirectoryWithEverythingPreserved() throws Exception {
    List<TransferProgress> reports = new CopyOnWriteArrayList<>();
    SnapshotResult first = repo.snapshot(source, TAGS, reports::add);

    assertThat(first.filesUnchanged()).isZero();
    assertThat(first.info().parentId()).isNull();
    assertThat(reports).last().satisfies(p -> assertThat(p.percent()).isEqualTo(100));
    assertThat(store.list("clusters/c1/volumes/packs/")).as("several packs").hasSizeGreaterThan(2);
    assertThat(repo.list()).extracting(SnapshotInfo::id).containsExactly(first.info().id());
    assertThat(repo.latest(Map.of("pvc", "ns1/data"))).contains(first.info());
    assertThat(repo.latest(Map.of("pvc", "other"))).isEmpty();

    Path dest = tmp.resolve("restored");
    RestoreResult restored = repo.restore(first.info().shortId(), dest, ProgressListener.NONE);

    assertThat(restored.filesUnchanged()).isZero();
    TreeVerifier.verify(source, dest);
    assertThat(repo.verify(first.info().id(), dest).files()).isEqualTo(first.info().files());
    assertThat(TestTrees.allocated(dest.resolve("sparse.img"))).as("holes stay holes").isLessThan(1 << 20);
    assertThat(Files.isSameFile(dest.resolve("data/a.bin"), dest.resolve("data/hard-2"))).isTrue();
  }

  @Test
  void laterSnapshotsReadOnlyChangedFilesAndUploadOnlyNewChunks() throws Exception {
    SnapshotResult first = repo.snapshot(source, TAGS, ProgressListener.NONE);
    SnapshotResult unchanged = repo.snapshot(source, TAGS, ProgressListener.NONE);

    assertThat(unchanged.info().parentId()).isEqualTo(first.info().id());
    assertThat(unchanged.filesRead()).isZero();
    assertThat(unchanged.newChunks()).isZero();
    assertThat(unchanged.info().treeSha256()).as("same tree").isEqualTo(first.info().treeSha256());

    Path big = source.resolve("big/one.bin");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.seek(1_500_000);
      f.write(TestTrees.random(99, 3000));
    }
    SnapshotResult changed = repo.snapshot(source, TAGS, ProgressListener.NONE);

    assertThat(changed.filesRead()).isEqualTo(1);
    assertThat(changed.newChunks()).isBetween(1L, 2L);
    assertThat(changed.bytesUploaded()).as("a changed chunk or two, not the 16 MiB file").isLessThan(6 << 20);

    Path dest = tmp.resolve("restored");
    repo.restore(changed.info().id(), dest, ProgressListener.NONE);
    TreeVerifier.verify(source, dest);
  }

  @Test
  void restoreToAStaleDirectoryKeepsIdenticalFilesAndRemovesExtras() throws Exception {
    SnapshotResult first = repo.snapshot(source, TAGS, ProgressListener.NONE);
    Path dest = tmp.resolve("restored");
    repo.restore(first.info().id(), dest, ProgressListener.NONE);
    TestTrees.write(dest.resolve("extra/dir/file"), new byte[10]);
    TestTrees.write(dest.resolve("many/f3.txt"), "changed".getBytes());
    Files.delete(dest.resolve("data/small.txt"));
    Files.createDirectories(dest.resolve("data/small.txt/now-a-dir"));
    Files.delete(dest.resolve("rel-link"));
    Files.createSymbolicLink(dest.resolve("rel-link"), Path.of("elsewhere"));
    Files.setAttribute(dest.resolve("big/two.bin"), "unix:mode", 0777);

    RestoreResult again = repo.restore(first.info().id(), dest, ProgressListener.NONE);

    assertThat(again.filesWritten()).isEqualTo(2);
    assertThat(again.filesUnchanged()).isGreaterThan(50);
    assertThat(again.entriesRemoved()).isGreaterThanOrEqualTo(5);
    TreeVerifier.verify(source, dest);
    repo.verify(first.info().id(), dest);
  }

  @Test
  void verifyNamesEveryDifference() throws Exception {
    SnapshotResult first = repo.snapshot(source, TAGS, ProgressListener.NONE);
    Path dest = tmp.resolve("restored");
    repo.restore(first.info().id(), dest, ProgressListener.NONE);
    try (RandomAccessFile f = new RandomAccessFile(dest.resolve("big/one.bin").toFile(), "rw")) {
      f.seek(10);
      f.write(1);
    }
    Files.setLastModifiedTime(dest.resolve("big/one.bin"), Files.getLastModifiedTime(source.resolve("big/one.bin")));
    Files.delete(dest.resolve("empty-file"));

    assertThatThrownBy(() -> repo.verify(first.info().id(), dest)).isInstanceOf(VolumeMismatchException.class)
        .hasMessageContaining("big/one.bin: content differs").hasMessageContaining("empty-file: missing");
  }

  @Test
  void anInterruptedSnapshotsPacksAreReusedByTheNextRun() throws Exception {
    SnapshotResult first = repo.snapshot(source, TAGS, ProgressListener.NONE);
    // What a crash after the pack uploads leaves: packs, but no pack indexes, tree or header.
    for (String prefix : List.of("index/", "trees/", "snapshots/")) {
      store.list("clusters/c1/volumes/" + prefix).forEach(store::delete);
    }
    assertThat(repo.list()).isEmpty();

    SnapshotResult resumed = repo.snapshot(source, TAGS, ProgressListener.NONE);

    assertThat(resumed.newChunks()).isZero();
    assertThat(resumed.filesRead()).as("no parent: everything is read, nothing re-uploaded").isPositive();
    assertThat(resumed.bytesUploaded()).isLessThan(first.bytesUploaded() / 10);
    assertThat(store.list("clusters/c1/volumes/index/")).hasSameSizeAs(store.list("clusters/c1/volumes/packs/"));
    Path dest = tmp.resolve("restored");
    repo.restore(resumed.info().id(), dest, ProgressListener.NONE);
    TreeVerifier.verify(source, dest);
  }

  @Test
  void aCorruptedPackIsAClearErrorNamingSnapshotFileAndObject() throws Exception {
    SnapshotResult first = repo.snapshot(source, TAGS, ProgressListener.NONE);
    String chunkOfOne = repo.tree(first.info().id()).stream().filter(e -> e.path().equals("big/one.bin"))
        .findFirst().orElseThrow().chunks().get(0).toString();
    RepositoryIndex index = RepositoryIndex.load(store, repo.layout());
    RepositoryIndex.Location where = index.find(dev.ferry.volumes.chunk.ChunkId.fromHex(chunkOfOne)).orElseThrow();
    String packKey = repo.layout().pack(where.packId());
    Path packFile = tmp.resolve("repo").resolve(packKey);
    try (RandomAccessFile f = new RandomAccessFile(packFile.toFile(), "rw")) {
      f.seek(where.entry().offset() + where.entry().storedLength() / 2);
      int b = f.read();
      f.seek(where.entry().offset() + where.entry().storedLength() / 2);
      f.write(b ^ 0xff);
    }

    assertThatThrownBy(() -> repo.restore(first.info().id(), tmp.resolve("r1"), ProgressListener.NONE))
        .isInstanceOf(RepositoryCorruptException.class)
        .hasMessageContaining("snapshot " + first.info().shortId())
        .hasMessageContaining("file big/one.bin")
        .hasMessageContaining("pack object " + packKey)
        .hasMessageContaining("is corrupt");

    try (RandomAccessFile f = new RandomAccessFile(packFile.toFile(), "rw")) {
      f.setLength(where.entry().offset() + 10);
    }
    assertThatThrownBy(() -> repo.restore(first.info().id(), tmp.resolve("r2"), ProgressListener.NONE))
        .isInstanceOf(RepositoryCorruptException.class)
        .hasMessageContaining("file big/one.bin")
        .hasMessageContaining("pack object " + packKey + " is truncated");
  }

  @Test
  void aCorruptedTreeOrHeaderIsRefused() throws Exception {
    SnapshotResult first = repo.snapshot(source, TAGS, ProgressListener.NONE);
    String treeKey = repo.layout().tree(first.info().treeSha256());
    byte[] tree = store.getBytes(treeKey);
    tree[tree.length / 2] ^= 1;
    store.put(treeKey, tree);
    assertThatThrownBy(() -> repo.restore(first.info().id(), tmp.resolve("r"), ProgressListener.NONE))
        .isInstanceOf(RepositoryCorruptException.class).hasMessageContaining(treeKey).hasMessageContaining("corrupt");

    String headerKey = repo.layout().snapshot(first.info().id());
    store.put(headerKey, (new String(store.getBytes(headerKey)) + "tag.x=y\n").getBytes());
    assertThatThrownBy(() -> repo.list()).isInstanceOf(RepositoryCorruptException.class)
        .hasMessageContaining(headerKey);
  }

  /**
   * The JDK sets a symlink's mtime with lutimes(2), which keeps microseconds only, so a restored
   * symlink cannot carry the nanoseconds its creation gave it; tests give the source's symlinks
   * microsecond times so restored trees can be compared exactly.
   */
  static void symlinkTimesToMicroseconds(Path root) throws java.io.IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.filter(Files::isSymbolicLink).toList()) {
        var view = Files.getFileAttributeView(p, java.nio.file.attribute.BasicFileAttributeView.class,
            java.nio.file.LinkOption.NOFOLLOW_LINKS);
        view.setTimes(view.readAttributes().lastModifiedTime(), null, null);
      }
    }
  }
}
