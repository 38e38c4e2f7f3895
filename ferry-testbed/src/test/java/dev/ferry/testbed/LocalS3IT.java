package dev.ferry.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The testbed's S3 server speaks the S3 protocol to the AWS SDK, with signed requests. */
@ExtendWith(TestbedExtension.class)
class LocalS3IT {

  @Test
  void putGetListDelete(Testbed testbed) {
    LocalS3 s3 = testbed.s3();
    try (S3Client client = client(s3, s3.secretKey())) {
      client.createBucket(b -> b.bucket("replication"));
      client.putObject(p -> p.bucket("replication").key("backups/b1/velero-backup.json"), RequestBody.fromString("{}"));
      client.putObject(p -> p.bucket("replication").key("backups/b1/b1.tar.gz"), RequestBody.fromBytes(new byte[4096]));
      client.putObject(p -> p.bucket("replication").key("restores/r1/log.gz"), RequestBody.fromString("x"));
      assertThat(client.getObjectAsBytes(g -> g.bucket("replication").key("backups/b1/velero-backup.json"))
          .asUtf8String()).isEqualTo("{}");
      assertThat(client.listObjectsV2(l -> l.bucket("replication").prefix("backups/")).contents())
          .extracting(S3Object::key, S3Object::size)
          .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("backups/b1/b1.tar.gz", 4096L),
              org.assertj.core.groups.Tuple.tuple("backups/b1/velero-backup.json", 2L));
      client.deleteObject(d -> d.bucket("replication").key("backups/b1/b1.tar.gz"));
      assertThatThrownBy(() -> client.getObjectAsBytes(g -> g.bucket("replication").key("backups/b1/b1.tar.gz")))
          .isInstanceOf(NoSuchKeyException.class);
    }
    try (S3Client wrongKey = client(s3, "not-the-secret")) {
      assertThatThrownBy(() -> wrongKey.listObjectsV2(l -> l.bucket("replication")))
          .isInstanceOf(S3Exception.class)
          .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(403));
    }
  }

  private static S3Client client(LocalS3 s3, String secret) {
    return S3Client.builder()
        .endpointOverride(URI.create(s3.endpoint()))
        .region(Region.of(LocalS3.REGION))
        .forcePathStyle(true)
        // S3-compatible stores (S3Proxy, older MinIO/Ceph) reject the SDK's default streaming checksums.
        .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), secret)))
        .build();
  }
}
