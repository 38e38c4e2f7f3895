package dev.ferry.objectstore;

import dev.ferry.testbed.LocalS3;
import dev.ferry.testbed.Testbed;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The object-store contract on the testbed's S3-protocol server (S3Proxy, signed requests). */
@ExtendWith(dev.ferry.testbed.TestbedExtension.class)
class S3ObjectStoreContractIT extends ObjectStoreContract {
  private static final String WRONG_SECRET = "wrongSecretWrongSecret42";
  private LocalS3 s3;
  private String bucket;

  @BeforeEach
  void createBucket(Testbed testbed) {
    s3 = testbed.s3();
    bucket = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    try (S3Client admin = S3Client.builder().endpointOverride(URI.create(s3.endpoint()))
        .region(Region.of(LocalS3.REGION)).forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(),
            s3.secretKey()))).build()) {
      admin.createBucket(b -> b.bucket(bucket));
    }
  }

  private S3Settings.Builder settings() {
    return S3Settings.builder().bucket(bucket).region(LocalS3.REGION).endpoint(s3.endpoint()).forcePathStyle(true)
        .credentials(s3.accessKey(), s3.secretKey());
  }

  @Override
  ObjectStore store() {
    return new S3ObjectStore(settings().build());
  }

  @Override
  ObjectStore storeWithSmallParts() {
    return new S3ObjectStore(settings().build()).withPartSize(5 * MIB);
  }

  @Override
  ObjectStore storeWithBadCredentials() {
    return new S3ObjectStore(settings().credentials(s3.accessKey(), WRONG_SECRET).build());
  }

  @Override
  String badSecret() {
    return WRONG_SECRET;
  }

  @Override
  ObjectStore storeWithMissingBucket() {
    return new S3ObjectStore(settings().bucket("missing-" + bucket).build());
  }

  @Override
  ObjectStore storeAtUnreachableEndpoint(int closedPort) {
    return new S3ObjectStore(settings().endpoint("http://127.0.0.1:" + closedPort).build());
  }
}
