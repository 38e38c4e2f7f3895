package dev.ferry.volumes.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.objectstore.S3ObjectStore;
import dev.ferry.objectstore.S3Settings;
import dev.ferry.testbed.LocalS3;
import dev.ferry.testbed.Testbed;
import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.fs.TestTrees;
import dev.ferry.volumes.fs.TreeVerifier;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The repository on the testbed's real S3 server (S3Proxy): the indirect volume path end to end. */
@ExtendWith(dev.ferry.testbed.TestbedExtension.class)
class SnapshotRepositoryS3IT {
  private static final int MIB = 1 << 20;
  private static final Map<String, String> TAGS = Map.of("plan", "p1", "pvc", "ns1/pgdata", "migration", "m1");

  @TempDir
  Path tmp;
  private LocalS3 s3;
  private String bucket;
  private Path source;

  @BeforeEach
  void setUp(Testbed testbed) throws Exception {
    s3 = testbed.s3();
    bucket = "ferry-vol-" + UUID.randomUUID().toString().substring(0, 8);
    try (S3Client admin = adminClient()) {
      admin.createBucket(b -> b.bucket(bucket));
    }
    source = tmp.resolve("source");
    TestTrees.rich(source);
    TestTrees.write(source.resolve("db/base.dat"), TestTrees.random(20, 12 * MIB));
    TestTrees.write(source.resolve("db/text.log"), compressible(21, 8 * MIB));
    for (int i = 0; i < 300; i++) {
      TestTrees.write(source.resolve("small/" + (i % 10) + "/f" + i), ("row " + i + ";").repeat(1 + i % 40).getBytes());
    }
    Files.setAttribute(source.resolve("small/3"), "unix:mode", 0700);
    SnapshotRepositoryTest.symlinkTimesToMicroseconds(source);
  }

  @Test
  void snapshotChangeOnePercentSnapshotAgainRestoreAndVerify() throws Exception {
    try (S3ObjectStore store = new S3ObjectStore(settings())) {
      SnapshotRepository repo = new SnapshotRepository(store, "clusters/src");
      SnapshotResult first = repo.snapshot(source, TAGS, ProgressListener.NONE);
      assertThat(first.info().bytes()).isGreaterThan(20L * MIB);
      assertThat(first.bytesUploaded()).as("compressed: less than the content").isLessThan(first.info().bytes());

      // Change 1 % of the bytes of the large files, in four places.
      long changed = 0;
      for (String name : List.of("db/base.dat", "db/text.log")) {
        Path file = source.resolve(name);
        long size = Files.size(file);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
          for (int k = 1; k <= 2; k++) {
            byte[] patch = TestTrees.random(100 + k, (int) (size / 200));
            f.seek(size * k / 3);
            f.write(patch);
            changed += patch.length;
          }
        }
      }
      SnapshotResult second = repo.snapshot(source, TAGS, ProgressListener.NONE);

      assertThat(second.info().parentId()).isEqualTo(first.info().id());
      assertThat(second.filesRead()).as("only the two changed files are read").isEqualTo(2);
      assertThat(second.newChunks()).isBetween(1L, 8L);
      assertThat(second.bytesUploaded()).as("only new chunks are uploaded (%d bytes changed)", changed)
          .isLessThan(first.bytesUploaded() / 2);
      SnapshotResult third = repo.snapshot(source, TAGS, ProgressListener.NONE);
      assertThat(third.newChunks()).isZero();
      assertThat(third.filesRead()).isZero();
      assertThat(repo.list()).hasSize(3);
      assertThat(repo.latest(Map.of("pvc", "ns1/pgdata"))).map(SnapshotInfo::id).contains(third.info().id());

      Path empty = tmp.resolve("restore-empty");
      repo.restore(second.info().id(), empty, ProgressListener.NONE);
      TreeVerifier.verify(source, empty);
      repo.verify(second.info().id(), empty);
      assertThat(TestTrees.allocated(empty.resolve("sparse.img"))).isLessThan(MIB);
      assertThat(Files.isSameFile(empty.resolve("data/a.bin"), empty.resolve("data/hard-2"))).isTrue();

      // A destination holding the first snapshot plus local junk: only the changed files are rewritten.
      Path stale = tmp.resolve("restore-stale");
      SnapshotRepository other = new SnapshotRepository(new S3ObjectStore(settings()), "clusters/src");
      other.restore(first.info().id(), stale, ProgressListener.NONE);
      TestTrees.write(stale.resolve("junk/file"), new byte[] {1, 2, 3});
      RestoreResult incremental = other.restore(second.info().id(), stale, ProgressListener.NONE);
      assertThat(incremental.filesWritten()).isEqualTo(2);
      assertThat(incremental.entriesRemoved()).as("junk/file, junk (and hard links, re-linked)").isGreaterThanOrEqualTo(2);
      TreeVerifier.verify(source, stale);
      other.verify(second.info().id(), stale);
    }
  }

  @Test
  void corruptedAndTruncatedPacksAreClearErrorsNamingTheObject() throws Exception {
    try (S3ObjectStore store = new S3ObjectStore(settings())) {
      SnapshotRepository repo = new SnapshotRepository(store, "vols");
      SnapshotResult snap = repo.snapshot(source, TAGS, ProgressListener.NONE);
      SnapshotEntry base = repo.tree(snap.info().id()).stream().filter(e -> e.path().equals("db/base.dat"))
          .findFirst().orElseThrow();
      RepositoryIndex.Location where = RepositoryIndex.load(store, repo.layout()).find(base.chunks().get(0))
          .orElseThrow();
      String packKey = repo.layout().pack(where.packId());
      byte[] pack = store.getBytes(packKey);

      byte[] corrupted = pack.clone();
      corrupted[where.entry().offset() + 100] ^= 0x01;
      putRaw(packKey, corrupted);
      assertThatThrownBy(() -> repo.restore(snap.info().id(), tmp.resolve("r1"), ProgressListener.NONE))
          .isInstanceOf(RepositoryCorruptException.class)
          .hasMessageContaining("snapshot " + snap.info().shortId())
          .hasMessageContaining("file db/base.dat")
          .hasMessageContaining("pack object " + packKey)
          .hasMessageContaining("does not match its SHA-256");

      putRaw(packKey, Arrays.copyOf(pack, where.entry().offset() + 1000));
      assertThatThrownBy(() -> repo.restore(snap.info().id(), tmp.resolve("r2"), ProgressListener.NONE))
          .isInstanceOf(RepositoryCorruptException.class)
          .hasMessageContaining("file db/base.dat")
          .hasMessageContaining("pack object " + packKey + " is truncated");

      putRaw(packKey, pack);
      repo.restore(snap.info().id(), tmp.resolve("r3"), ProgressListener.NONE);
      TreeVerifier.verify(source, tmp.resolve("r3"));
    }
  }

  /** Text-like data: compresses, like logs and database pages of real volumes. */
  private static byte[] compressible(long seed, int n) {
    Random random = new Random(seed);
    String[] words = {"ferry ", "volume ", "chunk ", "snapshot ", "restore ", "migration ", "cluster ", "\n"};
    StringBuilder sb = new StringBuilder(n + 16);
    while (sb.length() < n) {
      sb.append(words[random.nextInt(words.length)]).append(random.nextInt(1000));
    }
    return Arrays.copyOf(sb.toString().getBytes(), n);
  }

  /** Replaces an object behind the repository's back, as damage on the storage side would. */
  private void putRaw(String key, byte[] bytes) {
    try (S3Client admin = adminClient()) {
      admin.putObject(p -> p.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }
  }

  private S3Settings settings() {
    return S3Settings.builder().bucket(bucket).region(LocalS3.REGION).endpoint(s3.endpoint()).forcePathStyle(true)
        .credentials(s3.accessKey(), s3.secretKey()).build();
  }

  private S3Client adminClient() {
    return S3Client.builder()
        .endpointOverride(URI.create(s3.endpoint()))
        .region(Region.of(LocalS3.REGION))
        .forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(),
            s3.secretKey())))
        .build();
  }
}
