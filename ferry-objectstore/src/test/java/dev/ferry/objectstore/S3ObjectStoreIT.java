package dev.ferry.objectstore;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.testbed.LocalS3;
import dev.ferry.testbed.Testbed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
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

/** {@link S3ObjectStore} against the testbed's real S3-protocol server (S3Proxy, path-style, signed requests). */
@ExtendWith(dev.ferry.testbed.TestbedExtension.class)
class S3ObjectStoreIT {
  private static final int MIB = 1024 * 1024;

  private LocalS3 s3;
  private String bucket;

  @BeforeEach
  void createBucket(Testbed testbed) {
    s3 = testbed.s3();
    bucket = "ferry-" + UUID.randomUUID().toString().substring(0, 8);
    try (S3Client admin = adminClient()) {
      admin.createBucket(b -> b.bucket(bucket));
    }
  }

  @Test
  void putGetListWithPrefixAndPagination() {
    try (S3ObjectStore store = new S3ObjectStore(settings().prefix("clusters/c1").build()).withListPageSize(7)) {
      List<String> keys = IntStream.range(0, 30).mapToObj(i -> String.format("backups/b%02d/velero-backup.json", i))
          .toList();
      for (String key : keys) {
        store.put(key, ("{\"name\":\"" + key + "\"}").getBytes(UTF_8));
      }
      store.put("restores/r1/restore-r1-logs.gz", new byte[] {1, 2, 3});
      try (S3Client admin = adminClient()) {
        admin.putObject(p -> p.bucket(bucket).key("outside/the/prefix"), RequestBody.fromString("x"));
        admin.putObject(p -> p.bucket(bucket).key("clusters/c1/console-folder/"), RequestBody.empty());
      }

      assertThat(store.list("backups/")).containsExactlyElementsOf(keys);
      assertThat(store.list("backups/b1")).hasSize(10).allMatch(k -> k.startsWith("backups/b1"));
      assertThat(store.list("")).hasSize(31).contains("restores/r1/restore-r1-logs.gz")
          .doesNotContain("outside/the/prefix", "console-folder/");
      assertThat(store.list("nothing/")).isEmpty();
      assertThat(store.getBytes("backups/b07/velero-backup.json")).asString(UTF_8)
          .isEqualTo("{\"name\":\"backups/b07/velero-backup.json\"}");
      assertThat(store.exists("restores/r1/restore-r1-logs.gz")).isTrue();
      assertThat(store.exists("restores/r2/restore-r2-logs.gz")).isFalse();
      try (S3Client admin = adminClient()) {
        assertThat(admin.headObject(h -> h.bucket(bucket).key("clusters/c1/restores/r1/restore-r1-logs.gz"))
            .contentLength()).as("keys live under the store prefix in the bucket").isEqualTo(3);
      }
    }
  }

  @Test
  void streamsTwentyMebibytesInAndOut() throws Exception {
    try (S3ObjectStore store = new S3ObjectStore(settings().build())) {
      long length = 20L * MIB;
      HashingStream known = new HashingStream(1, length);
      store.put("backups/big/big.tar.gz", known, length);
      assertThat(sha256(store.get("backups/big/big.tar.gz"))).isEqualTo(known.hash());

      // Unknown length: multipart upload, one 5 MiB part in memory at a time.
      HashingStream unknown = new HashingStream(2, length + 12345);
      store.withPartSize(5 * MIB).put("backups/big/unknown-length.tar.gz", unknown, -1);
      assertThat(sha256(store.get("backups/big/unknown-length.tar.gz"))).isEqualTo(unknown.hash());
      try (S3Client admin = adminClient()) {
        assertThat(admin.headObject(h -> h.bucket(bucket).key("backups/big/unknown-length.tar.gz")).contentLength())
            .isEqualTo(length + 12345);
      }

      // Unknown length that fits in one part: a plain put.
      store.put("small", new ByteArrayInputStream("tiny".getBytes(UTF_8)), -1);
      assertThat(store.getBytes("small")).asString(UTF_8).isEqualTo("tiny");
    }
  }

  @Test
  void aStreamFailingMidwayLeavesNoObject() {
    try (S3ObjectStore store = new S3ObjectStore(settings().build()).withPartSize(5 * MIB)) {
      assertThatThrownBy(() -> store.put("backups/b1/b1.tar.gz", failingAfter(2 * MIB), 4 * MIB))
          .isInstanceOf(ObjectStoreException.class);
      assertThat(store.exists("backups/b1/b1.tar.gz")).isFalse();

      assertThatThrownBy(() -> store.put("backups/b2/b2.tar.gz", failingAfter(7 * MIB), -1))
          .isInstanceOf(ObjectStoreException.class).hasMessageContaining("nothing was stored");
      assertThat(store.exists("backups/b2/b2.tar.gz")).isFalse();
      try (S3Client admin = adminClient()) {
        assertThat(admin.listMultipartUploads(l -> l.bucket(bucket)).uploads())
            .as("the failed multipart upload was aborted").isEmpty();
      }
    }
  }

  @Test
  void deleteAndMissingObjects() {
    try (S3ObjectStore store = new S3ObjectStore(settings().build())) {
      store.put("backups/b1/b1.tar.gz", new byte[] {1});
      store.delete("backups/b1/b1.tar.gz");
      store.delete("backups/b1/b1.tar.gz"); // absent: not an error
      assertThat(store.exists("backups/b1/b1.tar.gz")).isFalse();
      assertThat(store.list("")).isEmpty();
      assertThatThrownBy(() -> store.get("backups/b1/b1.tar.gz")).isInstanceOf(ObjectNotFoundException.class)
          .hasMessageContaining("backups/b1/b1.tar.gz").hasMessageContaining(bucket);
      assertThatThrownBy(() -> store.put("../escape", new byte[1])).isInstanceOf(InvalidKeyException.class);
    }
  }

  @Test
  void probeThroughTheFactory() {
    try (ObjectStore store = ObjectStores.open(StorageLocation.aws(settings().prefix("velero").build()))) {
      ObjectStores.probe(store);
      assertThat(store.list("")).isEmpty();
    }
  }

  @Test
  void wrongSecretIsReportedAsCredentialsWithoutLeakingIt() {
    String wrongSecret = "WrongSecret" + UUID.randomUUID().toString().replace("-", "");
    try (S3ObjectStore store = new S3ObjectStore(settings().credentials(s3.accessKey(), wrongSecret).build())) {
      assertThatThrownBy(() -> ObjectStores.probe(store))
          .isInstanceOf(ObjectStoreException.class)
          .hasMessageContaining("write step")
          .hasMessageContaining("rejected the credentials for bucket " + bucket)
          .hasMessageContaining("credsSecretRef")
          .satisfies(e -> assertNoSecretAnywhere(e, wrongSecret, s3.secretKey(), s3.accessKey()));
      assertThatThrownBy(() -> store.list("backups/"))
          .hasMessageContaining("credentials")
          .satisfies(e -> assertNoSecretAnywhere(e, wrongSecret, s3.secretKey(), s3.accessKey()));
    }
  }

  @Test
  void missingBucketIsNamed() {
    String missing = "no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8);
    try (S3ObjectStore store = new S3ObjectStore(settings().bucket(missing).build())) {
      assertThatThrownBy(() -> store.put("k", new byte[1]))
          .hasMessage("bucket " + missing + " does not exist at " + s3.endpoint() + ": create it or fix awsBucketName");
      assertThatThrownBy(() -> store.list("")).hasMessageContaining("bucket " + missing + " does not exist");
      assertThatThrownBy(() -> ObjectStores.probe(store)).hasMessageContaining("write step")
          .hasMessageContaining(missing);
    }
  }

  @Test
  void unreachableEndpointSaysCannotReach() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String endpoint = "http://127.0.0.1:" + closedPort;
    try (S3ObjectStore store = new S3ObjectStore(settings().endpoint(endpoint).build())) {
      assertThatThrownBy(() -> store.list(""))
          .isInstanceOf(ObjectStoreException.class)
          .hasMessageStartingWith("cannot reach S3 endpoint " + endpoint)
          .hasMessageContaining("check the endpoint/URL");
    }
  }

  @Test
  void customCaBundleOverTls(@TempDir Path tmp) throws Exception {
    TestCertificates certificate = TestCertificates.create(tmp, "s3-route");
    int plainPort = URI.create(s3.endpoint()).getPort();
    try (TlsForwarder tls = new TlsForwarder(certificate, plainPort)) {
      String endpoint = "https://127.0.0.1:" + tls.port();
      S3Settings withCa = settings().endpoint(endpoint).caBundle(certificate.pem()).build();
      try (S3ObjectStore trusted = new S3ObjectStore(withCa)) {
        ObjectStores.probe(trusted);
        trusted.put("over-tls", "secure".getBytes(UTF_8));
        assertThat(trusted.getBytes("over-tls")).asString(UTF_8).isEqualTo("secure");
      }
      try (S3ObjectStore untrusted = new S3ObjectStore(settings().endpoint(endpoint).build())) {
        assertThatThrownBy(() -> untrusted.list(""))
            .hasMessageContaining("TLS handshake with S3 endpoint " + endpoint)
            .hasMessageContaining("s3CustomCABundle");
      }
      try (S3ObjectStore insecure = new S3ObjectStore(settings().endpoint(endpoint).insecureSkipTlsVerify(true)
          .build())) {
        assertThat(insecure.list("")).containsExactly("over-tls");
      }
    }
  }

  private S3Settings.Builder settings() {
    return S3Settings.builder().bucket(bucket).region(LocalS3.REGION).endpoint(s3.endpoint()).forcePathStyle(true)
        .credentials(s3.accessKey(), s3.secretKey());
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

  private static void assertNoSecretAnywhere(Throwable e, String... secrets) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (String secret : secrets) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
        assertThat(t.toString()).doesNotContain(secret);
      }
      for (Throwable suppressed : t.getSuppressed()) {
        assertNoSecretAnywhere(suppressed, secrets);
      }
    }
  }

  private static InputStream failingAfter(int bytes) {
    return new SequenceInputStream(new ByteArrayInputStream(new byte[bytes]), new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("producer died");
      }
    });
  }

  private static String sha256(InputStream in) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (in) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Pseudo-random bytes generated on the fly (nothing held in memory) and hashed as they are read. */
  private static final class HashingStream extends InputStream {
    private final Random random;
    private final MessageDigest digest;
    private long remaining;

    HashingStream(long seed, long length) throws Exception {
      this.random = new Random(seed);
      this.digest = MessageDigest.getInstance("SHA-256");
      this.remaining = length;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (remaining <= 0) {
        return -1;
      }
      int n = (int) Math.min(len, Math.min(remaining, 64 * 1024));
      byte[] chunk = new byte[n];
      random.nextBytes(chunk);
      System.arraycopy(chunk, 0, b, off, n);
      digest.update(chunk);
      remaining -= n;
      return n;
    }

    String hash() {
      assertThat(remaining).as("the whole stream was read").isZero();
      return HexFormat.of().formatHex(digest.digest());
    }
  }
}
