package dev.ferry.objectstore;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ObjectStore} must do, run against each real store: the filesystem, S3
 * (S3Proxy), Azure Blob (Azurite) and Google Cloud Storage (fake-gcs-server). A subclass says how
 * to open its store, one with small upload parts, one with bad credentials, one whose bucket
 * (container, directory) does not exist and one at an endpoint nothing listens on.
 */
abstract class ObjectStoreContract {
  static final int MIB = 1024 * 1024;

  /** A fresh, empty store. */
  abstract ObjectStore store();

  /** A store whose large-object path (multipart, blocks, resumable chunks) starts at a few MiB. */
  abstract ObjectStore storeWithSmallParts();

  /** A store whose credentials the server rejects (or that cannot be used at all); null if it has none. */
  abstract ObjectStore storeWithBadCredentials();

  /** A secret of {@link #storeWithBadCredentials}, which no message may show; null if none. */
  abstract String badSecret();

  /** A store whose bucket, container or directory does not exist. */
  abstract ObjectStore storeWithMissingBucket();

  /** A store at a loopback port nothing listens on; null for the filesystem. */
  abstract ObjectStore storeAtUnreachableEndpoint(int closedPort);

  @Test
  void putGetListExistsDelete() {
    try (ObjectStore store = store()) {
      store.put("backups/b2/velero-backup.json", "{\"b\":2}".getBytes(UTF_8));
      store.put("backups/b1/velero-backup.json", "{\"b\":1}".getBytes(UTF_8));
      store.put("backups/b1/b1.tar.gz", new byte[] {1, 2, 3});
      store.put("restores/r1/restore-r1-logs.gz", new byte[0]);

      assertThat(store.list("backups/")).containsExactly("backups/b1/b1.tar.gz", "backups/b1/velero-backup.json",
          "backups/b2/velero-backup.json");
      assertThat(store.list("backups/b1")).hasSize(2);
      assertThat(store.list("")).hasSize(4);
      assertThat(store.list("nothing/")).isEmpty();
      assertThat(store.getBytes("backups/b2/velero-backup.json")).asString(UTF_8).isEqualTo("{\"b\":2}");
      assertThat(store.getBytes("restores/r1/restore-r1-logs.gz")).isEmpty();
      assertThat(store.exists("backups/b1/b1.tar.gz")).isTrue();

      store.put("backups/b1/b1.tar.gz", new byte[] {9});
      assertThat(store.getBytes("backups/b1/b1.tar.gz")).containsExactly(9);

      store.delete("backups/b1/b1.tar.gz");
      assertThat(store.exists("backups/b1/b1.tar.gz")).isFalse();
      assertThat(store.list("backups/b1/")).containsExactly("backups/b1/velero-backup.json");
      assertThat(store.describe()).isNotBlank();
      ObjectStores.probe(store);
      assertThat(store.list("")).hasSize(3);
    }
  }

  @Test
  void missingKeys() {
    try (ObjectStore store = store()) {
      assertThatThrownBy(() -> store.get("backups/none/none.tar.gz")).isInstanceOf(ObjectNotFoundException.class)
          .hasMessageContaining("backups/none/none.tar.gz");
      assertThatThrownBy(() -> store.get("backups/none/none.tar.gz", 0, 10))
          .isInstanceOf(ObjectNotFoundException.class);
      assertThat(store.exists("backups/none/none.tar.gz")).isFalse();
      store.delete("backups/none/none.tar.gz"); // absent: not an error
      assertThatThrownBy(() -> store.put("../escape", new byte[1])).isInstanceOf(InvalidKeyException.class);
    }
  }

  @Test
  void rangedReads() throws IOException {
    byte[] content = new byte[1000];
    new Random(7).nextBytes(content);
    try (ObjectStore store = store()) {
      store.put("packs/p1", content);
      assertThat(read(store.get("packs/p1", 100, 50))).isEqualTo(Arrays.copyOfRange(content, 100, 150));
      assertThat(read(store.get("packs/p1", 0, 1000))).isEqualTo(content);
      assertThat(read(store.get("packs/p1", 990, 100))).as("a range past the end stops at the end")
          .isEqualTo(Arrays.copyOfRange(content, 990, 1000));
      assertThat(read(store.get("packs/p1", 1000, 10))).as("a range from the end is empty").isEmpty();
      assertThat(read(store.get("packs/p1", 5, 0))).isEmpty();
      assertThatThrownBy(() -> store.get("packs/p1", -1, 5)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void largeObjectsInPartsKnownAndUnknownLength() throws IOException {
    try (ObjectStore store = storeWithSmallParts()) {
      long length = 12L * MIB + 123;
      Pattern known = new Pattern(1, length);
      store.put("backups/big/known.tar.gz", known.stream(), length);
      assertThat(sha256(store.get("backups/big/known.tar.gz"))).isEqualTo(known.sha256());

      Pattern unknown = new Pattern(2, length + 7);
      store.put("backups/big/unknown.tar.gz", unknown.stream(), -1);
      assertThat(sha256(store.get("backups/big/unknown.tar.gz"))).isEqualTo(unknown.sha256());

      long offset = 6L * MIB - 5;
      assertThat(read(store.get("backups/big/unknown.tar.gz", offset, 10)))
          .as("a range across part boundaries").isEqualTo(unknown.slice(offset, 10));
      store.put("small", new ByteArrayInputStream("tiny".getBytes(UTF_8)), -1);
      assertThat(store.getBytes("small")).asString(UTF_8).isEqualTo("tiny");
    }
  }

  @Test
  void aShortOrFailingStreamStoresNothing() {
    try (ObjectStore store = storeWithSmallParts()) {
      assertThatThrownBy(() -> store.put("backups/b1/short.tar.gz", new Pattern(3, 2L * MIB).stream(), 3L * MIB))
          .isInstanceOf(ObjectStoreException.class).hasMessageContaining("nothing was stored");
      assertThat(store.exists("backups/b1/short.tar.gz")).isFalse();

      assertThatThrownBy(() -> store.put("backups/b1/failing.tar.gz", failingAfter(7 * MIB), -1))
          .isInstanceOf(ObjectStoreException.class).hasMessageContaining("nothing was stored");
      assertThat(store.exists("backups/b1/failing.tar.gz")).isFalse();

      store.put("backups/b1/kept", "old".getBytes(UTF_8));
      assertThatThrownBy(() -> store.put("backups/b1/kept", failingAfter(7 * MIB), -1))
          .isInstanceOf(ObjectStoreException.class);
      assertThat(store.getBytes("backups/b1/kept")).as("a failed overwrite keeps the old object")
          .asString(UTF_8).isEqualTo("old");
    }
  }

  @Test
  void concurrentWriters() throws Exception {
    int writers = 6;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try (ObjectStore store = store()) {
      List<Future<?>> done = new ArrayList<>();
      List<byte[]> versions = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        byte[] version = new byte[300_000];
        Arrays.fill(version, (byte) w);
        versions.add(version);
        int writer = w;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 5; i++) {
            store.put("own/w" + writer + "/o" + i, ("w" + writer + "o" + i).getBytes(UTF_8));
            store.put("shared/object", version);
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(5, TimeUnit.MINUTES);
      }
      assertThat(store.list("own/")).hasSize(writers * 5);
      assertThat(store.getBytes("own/w3/o4")).asString(UTF_8).isEqualTo("w3o4");
      byte[] shared = store.getBytes("shared/object");
      assertThat(versions).as("the shared key holds one writer's whole version").anyMatch(v -> Arrays.equals(v,
          shared));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void badCredentialsAreRejectedWithoutShowingThem() {
    Assumptions.assumeTrue(badSecret() != null, "this store has no credentials");
    assertThatThrownBy(() -> {
      try (ObjectStore store = storeWithBadCredentials()) {
        store.put("backups/b1/velero-backup.json", new byte[] {1});
      }
    }).isInstanceOf(ObjectStoreException.class)
        .hasMessageMatching("(?s).*(credential|key).*")
        .satisfies(e -> assertThat(((ObjectStoreException) e).failure())
            .isEqualTo(ObjectStoreException.Failure.CREDENTIALS))
        .satisfies(e -> assertThat(fullText(e)).doesNotContain(badSecret()));
  }

  @Test
  void missingBucketIsNamed() {
    assertThatThrownBy(() -> {
      try (ObjectStore store = storeWithMissingBucket()) {
        store.put("backups/b1/velero-backup.json", new byte[] {1});
      }
    }).isInstanceOf(ObjectStoreException.class).isNotInstanceOf(ObjectNotFoundException.class)
        .hasMessageContaining("does not exist")
        .satisfies(e -> assertThat(((ObjectStoreException) e).failure())
            .isEqualTo(ObjectStoreException.Failure.MISSING_BUCKET));
  }

  @Test
  void unreachableEndpointSaysSo() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ObjectStore unreachable = storeAtUnreachableEndpoint(port);
    Assumptions.assumeTrue(unreachable != null, "this store has no endpoint");
    try (ObjectStore store = unreachable) {
      assertThatThrownBy(() -> ObjectStores.probe(store)).isInstanceOf(ObjectStoreException.class)
          .hasMessageContaining("cannot reach").hasMessageContaining("127.0.0.1:" + port)
          .hasMessageContaining("failed at the write step")
          .satisfies(e -> assertThat(((ObjectStoreException) e).failure())
              .isEqualTo(ObjectStoreException.Failure.UNREACHABLE));
    }
  }

  static String fullText(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      text.append(t).append('\n');
      for (Throwable s : t.getSuppressed()) {
        text.append(fullText(s));
      }
    }
    return text.toString();
  }

  static byte[] read(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  static String sha256(InputStream in) throws IOException {
    try (in) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A stream that gives {@code bytes} of zeros and then fails, as a broken source would. */
  static InputStream failingAfter(int bytes) {
    return new SequenceInputStream(new ByteArrayInputStream(new byte[bytes]), new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("source disk went away");
      }
    });
  }

  /** Deterministic pseudo-random content of any length, without holding it in memory. */
  static final class Pattern {
    private final long seed;
    private final long length;

    Pattern(long seed, long length) {
      this.seed = seed;
      this.length = length;
    }

    private byte at(long i) {
      long x = (i / 8 + 1) * 0x9E3779B97F4A7C15L ^ seed * 0xC2B2AE3D27D4EB4FL;
      x ^= x >>> 29;
      x *= 0xBF58476D1CE4E5B9L;
      x ^= x >>> 32;
      return (byte) (x >>> (8 * (i % 8)));
    }

    InputStream stream() {
      return new InputStream() {
        private long position;

        @Override
        public int read() {
          return position < length ? at(position++) & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
          if (position >= length) {
            return -1;
          }
          int n = (int) Math.min(len, length - position);
          for (int i = 0; i < n; i++) {
            b[off + i] = at(position++);
          }
          return n;
        }
      };
    }

    byte[] slice(long offset, int count) {
      byte[] out = new byte[count];
      for (int i = 0; i < count; i++) {
        out[i] = at(offset + i);
      }
      return out;
    }

    String sha256() {
      try {
        return ObjectStoreContract.sha256(stream());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
