package dev.ferry.objectstore;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilesystemObjectStoreTest {
  @TempDir
  Path tmp;
  Path root;
  FilesystemObjectStore store;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectory(tmp.resolve("repo"));
    store = new FilesystemObjectStore(root);
  }

  @Test
  void putGetListDelete() {
    store.put("backups/b1/velero-backup.json", "{}".getBytes(UTF_8));
    store.put("backups/b1/b1.tar.gz", new byte[4096]);
    store.put("backups/b2/velero-backup.json", "{\"b\":2}".getBytes(UTF_8));
    store.put("restores/r1/restore-r1-logs.gz", "x".getBytes(UTF_8));

    assertThat(store.getBytes("backups/b1/velero-backup.json")).asString(UTF_8).isEqualTo("{}");
    assertThat(root.resolve("backups/b1/b1.tar.gz")).hasSize(4096);
    assertThat(store.exists("backups/b1/b1.tar.gz")).isTrue();
    assertThat(store.exists("backups/b1")).as("a folder is not an object").isFalse();
    assertThat(store.list("backups/")).containsExactly("backups/b1/b1.tar.gz", "backups/b1/velero-backup.json",
        "backups/b2/velero-backup.json");
    assertThat(store.list("backups/b1/velero")).containsExactly("backups/b1/velero-backup.json");
    assertThat(store.list("backups/b")).hasSize(3);
    assertThat(store.list("")).hasSize(4).isSorted();
    assertThat(store.list("nothing/here/")).isEmpty();

    store.delete("backups/b1/b1.tar.gz");
    assertThat(store.exists("backups/b1/b1.tar.gz")).isFalse();
    assertThatThrownBy(() -> store.get("backups/b1/b1.tar.gz")).isInstanceOf(ObjectNotFoundException.class)
        .hasMessageContaining("backups/b1/b1.tar.gz").hasMessageContaining(root.toString());
    store.delete("backups/b1/b1.tar.gz"); // absent: not an error
    store.delete("backups"); // a folder, not an object: nothing happens
    assertThat(store.list("")).hasSize(3);
  }

  @Test
  void deletePrunesEmptyFoldersButNeverTheRoot() {
    store.put("backups/b1/deep/x", new byte[] {1});
    store.put("backups/b2/y", new byte[] {2});
    store.delete("backups/b1/deep/x");
    assertThat(root.resolve("backups/b1")).doesNotExist();
    assertThat(root.resolve("backups/b2/y")).exists();
    store.delete("backups/b2/y");
    assertThat(root).exists().isEmptyDirectory();
  }

  @Test
  void overwriteReplacesTheWholeObject() {
    store.put("k", "a much longer first version".getBytes(UTF_8));
    store.put("k", "short".getBytes(UTF_8));
    assertThat(store.getBytes("k")).asString(UTF_8).isEqualTo("short");
    assertThat(store.list("")).containsExactly("k");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../escaped", "a/../../escaped", "/tmp/escaped", "..\\escaped", "a//b", "a/./b", ".."})
  void keysThatCouldEscapeTheRootAreRejected(String key) throws IOException {
    assertThatThrownBy(() -> store.put(key, new byte[] {1})).isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(() -> store.get(key)).isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(() -> store.exists(key)).isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(() -> store.delete(key)).isInstanceOf(InvalidKeyException.class);
    try (Stream<Path> outside = Files.list(tmp)) {
      assertThat(outside).containsExactly(root);
    }
    assertThat(root).isEmptyDirectory();
  }

  @Test
  void keysMayNotImitateTempFiles() {
    assertThatThrownBy(() -> store.put("a/b" + FilesystemObjectStore.TEMP_SUFFIX, new byte[1]))
        .isInstanceOf(InvalidKeyException.class).hasMessageContaining("reserves");
  }

  @Test
  void aStreamFailingMidwayLeavesNoPartialObject() throws IOException {
    store.put("backups/b1/b1.tar.gz", "previous complete version".getBytes(UTF_8));
    InputStream breaking = new SequenceInputStream(new ByteArrayInputStream(new byte[300_000]), new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset by peer");
      }
    });

    assertThatThrownBy(() -> store.put("backups/b1/b1.tar.gz", breaking, 1_000_000))
        .isInstanceOf(ObjectStoreException.class)
        .hasMessageContaining("connection reset by peer").hasMessageContaining("nothing was stored");
    assertThatThrownBy(() -> store.put("backups/b2/b2.tar.gz",
        new SequenceInputStream(new ByteArrayInputStream(new byte[10]), new InputStream() {
          @Override
          public int read() {
            throw new IllegalStateException("producer crashed");
          }
        }), -1)).hasMessageContaining("producer crashed");

    assertThat(store.getBytes("backups/b1/b1.tar.gz")).asString(UTF_8).isEqualTo("previous complete version");
    assertThat(store.exists("backups/b2/b2.tar.gz")).isFalse();
    assertThat(store.list("")).containsExactly("backups/b1/b1.tar.gz");
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile)).as("temp files are cleaned up")
          .containsExactly(root.resolve("backups/b1/b1.tar.gz"));
    }
  }

  @Test
  void aLengthMismatchStoresNothing() {
    assertThatThrownBy(() -> store.put("k", new ByteArrayInputStream(new byte[10]), 11))
        .hasMessageContaining("announced as 11 bytes but its stream gave 10");
    assertThat(store.exists("k")).isFalse();
    store.put("unknown-length", new ByteArrayInputStream(new byte[10]), -1);
    assertThat(store.getBytes("unknown-length")).hasSize(10);
  }

  @Test
  void leftoverTempFilesFromACrashAreInvisible() throws IOException {
    store.put("backups/b1/b1.tar.gz", new byte[] {1});
    Files.write(root.resolve("backups/b1/.b1.tar.gz.1234" + FilesystemObjectStore.TEMP_SUFFIX), new byte[] {9, 9});
    assertThat(store.list("")).containsExactly("backups/b1/b1.tar.gz");
  }

  @Test
  void concurrentPutsOfDifferentKeys() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int n = i;
        futures.add(pool.submit(() -> store.put("backups/b" + (n % 7) + "/object-" + n,
            ("content " + n).repeat(100).getBytes(UTF_8))));
        // deletes in the same folders race with the puts' directory creation
        if (n % 5 == 0) {
          futures.add(pool.submit(() -> store.delete("backups/b" + (n % 7) + "/object-" + n)));
        }
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> keys = store.list("backups/");
    assertThat(keys).isSorted();
    for (int i = 0; i < 400; i++) {
      String key = "backups/b" + (i % 7) + "/object-" + i;
      if (keys.contains(key)) {
        assertThat(store.getBytes(key)).asString(UTF_8).isEqualTo(("content " + i).repeat(100));
      } else {
        assertThat(i % 5).as("only deleted keys may be missing: " + key).isZero();
      }
    }
    assertThat(keys.size()).isGreaterThanOrEqualTo(400 - 80);
    assertThat(keys.stream().collect(Collectors.toSet())).hasSize(keys.size());
  }

  @Test
  void concurrentOverwritesOfOneKeyLeaveOneCompleteVersion() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = IntStream.range(0, 40).mapToObj(n -> pool.submit(
          () -> store.put("same", String.valueOf(n).repeat(50_000).getBytes(UTF_8)))).collect(Collectors.toList());
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    String content = new String(store.getBytes("same"), UTF_8);
    String unit = content.substring(0, content.length() / 50_000);
    assertThat(content).isEqualTo(unit.repeat(50_000));
    assertThat(store.list("")).containsExactly("same");
  }

  @Test
  void anObjectCannotAlsoBeAFolder() {
    store.put("backups/b1", new byte[] {1});
    assertThatThrownBy(() -> store.put("backups/b1/x", new byte[] {1}))
        .isInstanceOf(ObjectStoreException.class).hasMessageContaining("is an object, not a folder");
  }

  @Test
  void aMissingRootSaysWhatToDo() {
    assertThatThrownBy(() -> new FilesystemObjectStore(tmp.resolve("absent")))
        .isInstanceOf(ObjectStoreException.class)
        .hasMessageContaining(tmp.resolve("absent").toString())
        .hasMessageContaining("does not exist").hasMessageContaining("create the directory");
  }

  @Test
  void aRootThatIsAFileSaysSo() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    assertThatThrownBy(() -> new FilesystemObjectStore(file)).hasMessageContaining("is not a directory");
  }

  @Test
  void aReadOnlyRootSaysSo() throws IOException {
    Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
    Path readOnly = Files.createDirectory(tmp.resolve("ro"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    assertThatThrownBy(() -> new FilesystemObjectStore(readOnly)).hasMessageContaining("is not writable");
  }

  @Test
  void describeNamesTheDirectory() {
    assertThat(store.describe()).isEqualTo("filesystem repository " + root);
  }
}
