package dev.ferry.objectstore;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The replication repository in an S3 bucket (AWS, or any S3-compatible store: the multicloud
 * object gateway, MinIO, Ceph RGW), optionally under a prefix. Objects become visible only when
 * their upload completes, which S3 guarantees for PutObject and CompleteMultipartUpload alike.
 */
public final class S3ObjectStore extends BucketObjectStore {
  /** S3's largest single PutObject. */
  static final long MAX_SINGLE_PUT = 5L * 1024 * 1024 * 1024;
  static final int DEFAULT_PART_SIZE = 16 * 1024 * 1024;

  private final S3Settings settings;
  private final S3Clients.Connection connection;
  private final S3Client client;
  private final S3ErrorTranslator errors;
  private int partSize = DEFAULT_PART_SIZE;

  public S3ObjectStore(S3Settings settings) {
    super(settings.normalizedPrefix());
    this.settings = settings;
    this.connection = S3Clients.connect(settings);
    this.client = connection.s3();
    this.errors = new S3ErrorTranslator(settings, describe());
  }

  /** Test knob: a small page size exercises ListObjectsV2 pagination without thousands of keys. */
  S3ObjectStore withListPageSize(int size) {
    this.listPageSize = size;
    return this;
  }

  /** Test knob: parts of multipart uploads (S3's minimum is 5 MiB except for the last one). */
  S3ObjectStore withPartSize(int size) {
    this.partSize = size;
    return this;
  }

  public S3Settings settings() {
    return settings;
  }

  /**
   * A known length up to 5 GiB streams straight into one PutObject. An unknown length (or a
   * larger object) goes through {@link S3MultipartUpload}, which buffers one part at a time in
   * memory: no temp disk is needed, memory stays at one part, each part can be retried on its own,
   * and the object still appears atomically on completion. (Buffering the whole stream to a temp
   * file instead would need free local disk as large as the object.)
   */
  @Override
  public void put(String key, InputStream content, long length) {
    String full = fullKey(key);
    upload(key, content, length, source -> {
      if (length >= 0 && length <= MAX_SINGLE_PUT) {
        client.putObject(putRequest(full), RequestBody.fromInputStream(source, length));
      } else {
        new S3MultipartUpload(client, settings.bucket(), full, settings.kmsKeyId(), partSize, this::putRequest)
            .upload(source, length, key, describe());
      }
    });
  }

  @Override
  ObjectStoreException uploadFailure(String key, long length, CountingSource source, RuntimeException e) {
    if (!(e instanceof S3Exception) && String.valueOf(e.getMessage()).contains("specified content-length")) {
      // The SDK refused to send a body shorter (or longer) than announced.
      return UploadContent.wrongLength(key, describe(), length, String.valueOf(source.count()));
    }
    return translate("put", key, e);
  }

  /** A file is sent with a body the SDK can rewind, so a retried request re-sends it whole. */
  @Override
  public void put(String key, java.nio.file.Path file) {
    String full = fullKey(key);
    long length;
    try {
      length = java.nio.file.Files.size(file);
    } catch (java.io.IOException e) {
      throw new ObjectStoreException("cannot read " + file + " to store it as " + ObjectKeys.printable(key), e);
    }
    if (length > MAX_SINGLE_PUT) {
      try (InputStream in = java.nio.file.Files.newInputStream(file)) {
        put(key, in, length);
        return;
      } catch (java.io.IOException e) {
        throw new ObjectStoreException("cannot read " + file + " to store it as " + ObjectKeys.printable(key), e);
      }
    }
    try {
      client.putObject(putRequest(full), RequestBody.fromFile(file));
    } catch (RuntimeException e) {
      throw errors.translate("put", key, e);
    }
  }

  PutObjectRequest putRequest(String fullKey) {
    PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(settings.bucket()).key(fullKey);
    if (settings.kmsKeyId() != null && !settings.kmsKeyId().isBlank()) {
      request.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(settings.kmsKeyId().trim());
    }
    return request.build();
  }

  @Override
  public InputStream get(String key) {
    String full = fullKey(key);
    try {
      return client.getObject(g -> g.bucket(settings.bucket()).key(full));
    } catch (SdkException e) {
      throw errors.translate("get", key, e);
    }
  }

  @Override
  public InputStream get(String key, long offset, long length) {
    ObjectKeys.requireValidRange(offset, length);
    String full = fullKey(key);
    if (length == 0) {
      if (!exists(key)) {
        throw new ObjectNotFoundException("object " + ObjectKeys.printable(key) + " does not exist in " + describe());
      }
      return InputStream.nullInputStream();
    }
    String range = "bytes=" + offset + "-" + (Long.MAX_VALUE - offset < length ? "" : offset + length - 1);
    try {
      return client.getObject(g -> g.bucket(settings.bucket()).key(full).range(range));
    } catch (S3Exception e) {
      if (e.statusCode() == 416) {
        return InputStream.nullInputStream(); // the range starts at or past the end of the object
      }
      throw errors.translate("get", key, e);
    } catch (SdkException e) {
      throw errors.translate("get", key, e);
    }
  }

  @Override
  public boolean exists(String key) {
    String full = fullKey(key);
    try {
      client.headObject(h -> h.bucket(settings.bucket()).key(full));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      // HEAD responses have no body, so a missing key is a bare 404 (as is a missing bucket: the
      // probe's put reports that one properly).
      if (e.statusCode() == 404) {
        return false;
      }
      throw errors.translate("exists check", key, e);
    } catch (SdkException e) {
      throw errors.translate("exists check", key, e);
    }
  }

  /** Every page of ListObjectsV2, read here (the listing is sorted afterwards anyway). */
  @Override
  Iterable<String> names(String fullPrefix) {
    List<String> names = new ArrayList<>();
    String token = null;
    do {
      String continuation = token;
      ListObjectsV2Response page = client.listObjectsV2(l -> l.bucket(settings.bucket())
          .prefix(fullPrefix).maxKeys(listPageSize).continuationToken(continuation));
      for (S3Object object : page.contents()) {
        names.add(object.key());
      }
      token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (token != null);
    return names;
  }

  @Override
  public void delete(String key) {
    String full = fullKey(key);
    try {
      client.deleteObject(d -> d.bucket(settings.bucket()).key(full));
    } catch (NoSuchKeyException e) {
      // some S3 clones answer 404 instead of 204: absent is what we wanted
    } catch (SdkException e) {
      throw errors.translate("delete", key, e);
    }
  }

  @Override
  public String describe() {
    String where = settings.endpoint() == null || settings.endpoint().isBlank()
        ? "AWS region " + settings.effectiveRegion()
        : settings.endpoint().trim();
    return "s3://" + settings.bucket() + "/" + storePrefix + " (" + where + ")";
  }

  @Override
  public void close() {
    connection.close();
  }

  @Override
  ObjectStoreException translate(String action, String key, RuntimeException e) {
    return errors.translate(action, key, e);
  }
}
