package dev.ferry.objectstore;

import com.google.api.gax.paging.Page;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.NoCredentials;
import com.google.cloud.ReadChannel;
import com.google.cloud.WriteChannel;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.stream.StreamSupport;

/**
 * The replication repository in a Google Cloud Storage bucket (or fake-gcs-server), optionally
 * under a prefix, over the JSON API (HTTP transport). An object that fits in one chunk goes up in
 * one multipart request; a larger one, or one of unknown length, through a resumable upload that
 * holds one chunk in memory at a time and becomes visible only when it is finalized, so readers
 * never see a partial object. Reads pin the generation they found, so a concurrent overwrite
 * cannot splice two versions into one stream.
 */
public final class GcsObjectStore extends BucketObjectStore {
  static final int DEFAULT_CHUNK_SIZE = 16 * 1024 * 1024;

  private final GcsSettings settings;
  private final String bucket;
  private final Storage storage;
  private final GcsErrorTranslator errors;
  private int chunkSize = DEFAULT_CHUNK_SIZE;

  public GcsObjectStore(GcsSettings settings) {
    super(settings.validate().normalizedPrefix());
    this.settings = settings;
    this.bucket = settings.bucket().trim();
    GcsCredentials creds = settings.credentials();
    // Credentials and project are always explicit: left unset, the client would look for
    // application-default credentials and ask the GCE metadata server for a project.
    String project = creds != null && creds.projectId() != null ? creds.projectId() : "ferry";
    this.storage = StorageOptions.http()
        .setHost(settings.effectiveEndpoint())
        .setProjectId(project)
        .setCredentials(creds == null ? NoCredentials.getInstance() : creds.serviceAccount())
        .setTransportOptions(HttpTransportOptions.newBuilder().setConnectTimeout(10_000).setReadTimeout(60_000)
            .build())
        // Few, quick retries: an unreachable endpoint should fail the probe in seconds, not minutes.
        .setRetrySettings(RetrySettings.newBuilder().setMaxAttempts(3)
            .setInitialRetryDelayDuration(Duration.ofMillis(200)).setRetryDelayMultiplier(2.0)
            .setMaxRetryDelayDuration(Duration.ofSeconds(2)).setTotalTimeoutDuration(Duration.ofSeconds(120))
            .setInitialRpcTimeoutDuration(Duration.ofSeconds(60)).setRpcTimeoutMultiplier(1.0)
            .setMaxRpcTimeoutDuration(Duration.ofSeconds(60)).build())
        .build().getService();
    this.errors = new GcsErrorTranslator(settings, describe());
  }

  /** Test knob: chunks must be multiples of 256 KiB; small ones exercise resumable uploads. */
  GcsObjectStore withChunkSize(int size) {
    this.chunkSize = size;
    return this;
  }

  public GcsSettings settings() {
    return settings;
  }

  @Override
  public void put(String key, InputStream content, long length) {
    BlobInfo info = info(key);
    upload(key, content, length, source -> {
      int first = length >= 0 && length < chunkSize ? (int) length + 1 : chunkSize;
      byte[] buffer = new byte[first];
      int n = UploadContent.read(source, buffer, key, describe(), 0);
      if (n < buffer.length) {
        UploadContent.checkLength(length, n, key, describe());
        byte[] bytes = n == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, n);
        storage.create(info, bytes, targetOptions());
        return;
      }
      resumable(info, source, buffer, n, length, key);
    });
  }

  /**
   * A resumable upload, one chunk in memory at a time. It is finalized (made visible) only by
   * {@code close()} after the whole stream arrived with the announced length; on any failure the
   * channel is left unfinalized and the server discards the session.
   */
  private void resumable(BlobInfo info, InputStream in, byte[] first, int firstLength, long length, String key) {
    WriteChannel channel = storage.writer(info, writeOptions());
    channel.setChunkSize(chunkSize);
    long total = 0;
    byte[] buffer = first.length == chunkSize ? first : java.util.Arrays.copyOf(first, chunkSize);
    int n = firstLength;
    try {
      while (n > 0) {
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        total += n;
        n = UploadContent.read(in, buffer, key, describe(), total);
      }
      UploadContent.checkLength(length, total, key, describe());
      channel.close();
    } catch (IOException e) {
      throw errors.translate("put", key, new RuntimeException(e.getMessage(), e));
    }
  }

  @Override
  public InputStream get(String key) {
    return open(key, 0, -1);
  }

  @Override
  public InputStream get(String key, long offset, long length) {
    ObjectKeys.requireValidRange(offset, length);
    return open(key, offset, length);
  }

  private InputStream open(String key, long offset, long length) {
    try {
      Blob blob = storage.get(id(key));
      if (blob == null) {
        throw notFound(key);
      }
      long size = blob.getSize() == null ? 0 : blob.getSize();
      if (length == 0 || (length > 0 && offset >= size)) {
        return InputStream.nullInputStream();
      }
      ReadChannel reader = storage.reader(BlobId.of(bucket, blob.getName(), blob.getGeneration()));
      if (offset > 0) {
        reader.seek(offset);
      }
      if (length > 0) {
        reader.limit(Math.min(size, offset + length));
      }
      return Channels.newInputStream(reader);
    } catch (ObjectStoreException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw errors.translate("get", key, e instanceof RuntimeException r ? r : new RuntimeException(e.getMessage(), e));
    }
  }

  @Override
  public boolean exists(String key) {
    return call("exists check", key, () -> storage.get(id(key)) != null);
  }

  @Override
  Iterable<String> names(String fullPrefix) {
    Page<Blob> page = storage.list(bucket, Storage.BlobListOption.prefix(fullPrefix),
        Storage.BlobListOption.pageSize(listPageSize));
    return StreamSupport.stream(page.iterateAll().spliterator(), false).map(Blob::getName)::iterator;
  }

  @Override
  public void delete(String key) {
    call("delete", key, () -> storage.delete(id(key)));
  }

  @Override
  public String describe() {
    return "gs://" + bucket + "/" + storePrefix + (settings.customEndpoint() ? " (" + settings.effectiveEndpoint()
        + ")" : "");
  }

  @Override
  public void close() {
    try {
      storage.close();
    } catch (Exception e) {
      // nothing to release that matters: the HTTP transport holds no per-store connections
    }
  }

  @Override
  ObjectStoreException translate(String action, String key, RuntimeException e) {
    return errors.translate(action, key, e);
  }

  private ObjectNotFoundException notFound(String key) {
    return new ObjectNotFoundException("object " + ObjectKeys.printable(key) + " does not exist in " + describe());
  }

  private BlobId id(String key) {
    return BlobId.of(bucket, fullKey(key));
  }

  private BlobInfo info(String key) {
    return BlobInfo.newBuilder(id(key)).setContentType("application/octet-stream").build();
  }

  private Storage.BlobTargetOption[] targetOptions() {
    return kms() == null ? new Storage.BlobTargetOption[0]
        : new Storage.BlobTargetOption[] {Storage.BlobTargetOption.kmsKeyName(kms())};
  }

  private Storage.BlobWriteOption[] writeOptions() {
    return kms() == null ? new Storage.BlobWriteOption[0]
        : new Storage.BlobWriteOption[] {Storage.BlobWriteOption.kmsKeyName(kms())};
  }

  private String kms() {
    return settings.kmsKeyName() == null || settings.kmsKeyName().isBlank() ? null : settings.kmsKeyName().trim();
  }
}
