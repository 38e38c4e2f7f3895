package dev.ferry.controller.storage;

import static dev.ferry.controller.cluster.MigFixtures.NS;
import static dev.ferry.controller.cluster.MigFixtures.SECRETS_NS;
import static dev.ferry.controller.cluster.MigFixtures.await;
import static dev.ferry.controller.cluster.MigFixtures.condition;
import static dev.ferry.controller.cluster.MigFixtures.has;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.controller.FerryCrds;
import dev.ferry.controller.FerryOperator;
import dev.ferry.controller.cluster.MigFixtures;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.testbed.LocalS3;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * MigStorages probed for real: a filesystem repository and an S3 bucket on the testbed's S3
 * server become Ready; a missing bucket and a missing credentials Secret are named in Critical
 * conditions; MigStorageLocations opens the same repository for migrations.
 */
@ExtendWith(TestbedExtension.class)
class MigStorageIT {

  @Test
  void filesystemRepositoryIsReady(Testbed testbed, @TempDir Path repository) {
    KubernetesClient host = testbed.source().client();
    FerryCrds.install(host);
    String name = "fs-" + MigFixtures.suffix();
    try (FerryOperator operator = new FerryOperator(host, NS, Clock.systemUTC()).start()) {
      MigFixtures.filesystemStorage(host, name, repository.toString());
      MigStorage storage = await(host, MigStorage.class, name, has(Condition.READY));
      assertThat(condition(storage, Condition.READY).getMessage()).isEqualTo("The storage is ready.");
      try (ObjectStore store = new MigStorageLocations(host).open(storage)) {
        store.put("hello.txt", "hi".getBytes(StandardCharsets.UTF_8));
      }
      assertThat(repository.resolve("hello.txt")).hasContent("hi");
    } finally {
      MigFixtures.delete(host, MigStorage.class, name);
    }
  }

  @Test
  void s3BucketIsReadyAndAMissingOneIsNamed(Testbed testbed) {
    KubernetesClient host = testbed.source().client();
    FerryCrds.install(host);
    LocalS3 s3 = testbed.s3();
    String suffix = MigFixtures.suffix();
    String bucket = "ferry-" + suffix;
    String missing = "absent-" + suffix;
    try (S3Client admin = S3Client.builder().endpointOverride(URI.create(s3.endpoint())).region(Region.of(LocalS3.REGION))
        .forcePathStyle(true).requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(),
            s3.secretKey()))).build()) {
      admin.createBucket(b -> b.bucket(bucket));
    }
    host.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(SECRETS_NS).endMetadata().build())
        .serverSideApply();
    host.resource(new SecretBuilder().withNewMetadata().withName("s3-" + suffix).withNamespace(SECRETS_NS)
        .endMetadata().addToStringData("aws-access-key-id", s3.accessKey())
        .addToStringData("aws-secret-access-key", s3.secretKey()).build()).create();
    try (FerryOperator operator = new FerryOperator(host, NS, Clock.systemUTC()).start()) {
      MigFixtures.apply(host, s3Storage("s3-" + suffix, bucket, s3, "s3-" + suffix));
      MigFixtures.apply(host, s3Storage("gone-" + suffix, missing, s3, "s3-" + suffix));
      MigFixtures.apply(host, s3Storage("nocreds-" + suffix, bucket, s3, "nothing-" + suffix));

      await(host, MigStorage.class, "s3-" + suffix, has(Condition.READY));

      MigStorage gone = await(host, MigStorage.class, "gone-" + suffix,
          has(MigStorageConditions.STORAGE_BUCKET_NOT_FOUND));
      Condition probe = condition(gone, MigStorageConditions.STORAGE_BUCKET_NOT_FOUND);
      assertThat(probe.getCategory()).isEqualTo(Category.CRITICAL);
      assertThat(probe.getReason()).isEqualTo("BucketNotFound");
      assertThat(probe.getMessage()).contains("bucket " + missing).doesNotContain(s3.secretKey());
      assertThat(gone.getStatus().conditions().ready()).isFalse();

      MigStorage noCreds = await(host, MigStorage.class, "nocreds-" + suffix,
          has(MigStorageConditions.INVALID_CREDS_SECRET_REF));
      assertThat(condition(noCreds, MigStorageConditions.INVALID_CREDS_SECRET_REF).getMessage())
          .contains(SECRETS_NS + "/nothing-" + suffix);
    } finally {
      MigFixtures.delete(host, MigStorage.class, "s3-" + suffix, "gone-" + suffix, "nocreds-" + suffix);
      host.secrets().inNamespace(SECRETS_NS).withName("s3-" + suffix).delete();
    }
  }

  private static String s3Storage(String name, String bucket, LocalS3 s3, String secret) {
    return """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigStorage
        metadata: {name: %s, namespace: %s}
        spec:
          backupStorageProvider: aws
          backupStorageConfig:
            awsBucketName: %s
            awsRegion: us-east-1
            awsS3Url: %s
            awsS3ForcePathStyle: true
            credsSecretRef: {name: %s, namespace: %s}
        """.formatted(name, NS, bucket, s3.endpoint(), secret, SECRETS_NS);
  }
}
