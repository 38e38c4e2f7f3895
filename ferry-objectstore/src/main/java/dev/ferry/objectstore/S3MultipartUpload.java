package dev.ferry.objectstore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Uploads a stream of unknown (or more than 5 GiB) length. Reads one part into memory at a time;
 * if the whole stream fits in the first part, a plain PutObject is used. On any failure the
 * upload is aborted, so no parts are left behind to be billed and nothing becomes visible.
 */
final class S3MultipartUpload {
  private static final Logger LOG = LoggerFactory.getLogger(S3MultipartUpload.class);
  private static final int MAX_PARTS = 10_000;

  private final S3Client client;
  private final String bucket;
  private final String fullKey;
  private final String kmsKeyId;
  private final int partSize;
  private final Function<String, PutObjectRequest> putRequest;

  S3MultipartUpload(S3Client client, String bucket, String fullKey, String kmsKeyId, int partSize,
      Function<String, PutObjectRequest> putRequest) {
    this.client = client;
    this.bucket = bucket;
    this.fullKey = fullKey;
    this.kmsKeyId = kmsKeyId;
    this.partSize = partSize;
    this.putRequest = putRequest;
  }

  /** {@code length} is -1 if unknown; {@code key} and {@code store} are for messages. */
  void upload(InputStream in, long length, String key, String store) {
    // Known huge lengths get parts big enough to stay within S3's 10 000 parts.
    int size = length > 0 ? (int) Math.max(partSize, Math.min(Integer.MAX_VALUE - 8, ceilDiv(length, MAX_PARTS)))
        : partSize;
    byte[] buffer = new byte[size];
    int n = UploadContent.read(in, buffer, key, store, 0);
    if (n < size) {
      UploadContent.checkLength(length, n, key, store);
      client.putObject(putRequest.apply(fullKey),
          RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, n), n));
      return;
    }
    String uploadId = client.createMultipartUpload(create()).uploadId();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      long total = 0;
      while (n > 0) {
        int partNumber = parts.size() + 1;
        if (partNumber > MAX_PARTS) {
          throw new ObjectStoreException("object " + ObjectKeys.printable(key) + " is too large for " + store
              + ": more than " + MAX_PARTS + " parts of " + size + " bytes");
        }
        int partLength = n;
        // A ByteArrayInputStream can be reset, so the SDK may retry a part on its own.
        UploadPartResponse response = client.uploadPart(p -> p.bucket(bucket).key(fullKey).uploadId(uploadId)
            .partNumber(partNumber).contentLength((long) partLength),
            RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, partLength), partLength));
        parts.add(CompletedPart.builder().partNumber(partNumber).eTag(response.eTag()).build());
        total += n;
        n = n < size ? 0 : UploadContent.read(in, buffer, key, store, total);
      }
      UploadContent.checkLength(length, total, key, store);
      client.completeMultipartUpload(c -> c.bucket(bucket).key(fullKey).uploadId(uploadId)
          .multipartUpload(m -> m.parts(parts)));
    } catch (RuntimeException e) {
      abort(uploadId);
      throw e;
    }
  }

  private CreateMultipartUploadRequest create() {
    CreateMultipartUploadRequest.Builder request = CreateMultipartUploadRequest.builder().bucket(bucket).key(fullKey);
    if (kmsKeyId != null && !kmsKeyId.isBlank()) {
      request.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kmsKeyId.trim());
    }
    return request.build();
  }

  private void abort(String uploadId) {
    try {
      client.abortMultipartUpload(a -> a.bucket(bucket).key(fullKey).uploadId(uploadId));
    } catch (RuntimeException e) {
      LOG.warn("could not abort multipart upload of {} in bucket {}; a lifecycle rule for incomplete uploads will "
          + "clean it up: {}", fullKey, bucket, e.toString());
    }
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
