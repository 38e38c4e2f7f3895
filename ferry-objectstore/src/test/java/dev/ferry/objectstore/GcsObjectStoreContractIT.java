package dev.ferry.objectstore;

import dev.ferry.testbed.LocalGcs;
import dev.ferry.testbed.Testbed;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The object-store contract on the testbed's Google Cloud Storage server (fake-gcs-server, JSON
 * API over HTTP). fake-gcs-server does not check credentials, so "bad credentials" here is a
 * service-account key that cannot be used at all, which Ferry refuses before any request.
 */
@ExtendWith(dev.ferry.testbed.TestbedExtension.class)
class GcsObjectStoreContractIT extends ObjectStoreContract {
  private static final String BROKEN_KEY_MATERIAL = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7brokenbroken";
  private LocalGcs gcs;
  private String bucket;

  @BeforeEach
  void createBucket(Testbed testbed) {
    gcs = testbed.gcs();
    bucket = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    gcs.createBucket(bucket);
  }

  private GcsSettings settings(String bucketName, String endpoint, GcsCredentials credentials) {
    return new GcsSettings(bucketName, "velero", endpoint, credentials, null);
  }

  @Override
  ObjectStore store() {
    return new GcsObjectStore(settings(bucket, gcs.endpoint(), null));
  }

  @Override
  ObjectStore storeWithSmallParts() {
    return new GcsObjectStore(settings(bucket, gcs.endpoint(), null)).withChunkSize(MIB);
  }

  @Override
  ObjectStore storeWithBadCredentials() {
    String json = "{\"type\": \"service_account\", \"project_id\": \"p\", \"private_key_id\": \"k1\", "
        + "\"private_key\": \"-----BEGIN PRIVATE KEY-----\\n" + BROKEN_KEY_MATERIAL + "\\n-----END PRIVATE KEY-----\\n\", "
        + "\"client_email\": \"ferry@p.iam.gserviceaccount.com\", \"client_id\": \"1\"}";
    return new GcsObjectStore(settings(bucket, gcs.endpoint(), GcsCredentials.parse(json, "Secret s key cloud")));
  }

  @Override
  String badSecret() {
    return BROKEN_KEY_MATERIAL;
  }

  @Override
  ObjectStore storeWithMissingBucket() {
    return new GcsObjectStore(settings("missing-" + bucket, gcs.endpoint(), null));
  }

  @Override
  ObjectStore storeAtUnreachableEndpoint(int closedPort) {
    return new GcsObjectStore(settings(bucket, "http://127.0.0.1:" + closedPort, null));
  }
}
