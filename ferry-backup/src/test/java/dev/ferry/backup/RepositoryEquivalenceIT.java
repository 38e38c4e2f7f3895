package dev.ferry.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.api.velero.restore.RestorePhase;
import dev.ferry.backup.backup.Backupper;
import dev.ferry.backup.format.BackupLayout;
import dev.ferry.backup.format.ResourceListFile;
import dev.ferry.backup.restore.RestoreOptions;
import dev.ferry.backup.restore.Restorer;
import dev.ferry.objectstore.FilesystemObjectStore;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.S3ObjectStore;
import dev.ferry.objectstore.S3Settings;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.LocalS3;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
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

/** The same backup taken into the filesystem repository and into S3 restores to the same application. */
@ExtendWith(TestbedExtension.class)
class RepositoryEquivalenceIT {

  @Test
  void filesystemAndS3RepositoriesGiveTheSameRestore(Testbed testbed, @TempDir Path repo) throws Exception {
    String s = UUID.randomUUID().toString().substring(0, 6);
    String ns = "twin-" + s;
    LocalCluster source = testbed.source();
    LocalCluster destination = testbed.destination();
    String sourceRegistry = source.registry().orElseThrow().hostPort();
    String destinationRegistry = destination.registry().orElseThrow().hostPort();
    source.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
    SampleApplication.deploy(source.client(), ns, "g" + s + SampleApplication.CRD_GROUP_SUFFIX, sourceRegistry);

    LocalS3 s3 = testbed.s3();
    String bucket = "replication-" + s;
    try (S3Client admin = S3Client.builder().endpointOverride(URI.create(s3.endpoint())).region(Region.of(LocalS3.REGION))
        .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
        .build()) {
      admin.createBucket(b -> b.bucket(bucket));
    }
    S3Settings settings = S3Settings.builder().bucket(bucket).prefix("velero").region(LocalS3.REGION)
        .endpoint(s3.endpoint()).forcePathStyle(true).credentials(s3.accessKey(), s3.secretKey()).build();
    RestoreOptions options = new RestoreOptions(sourceRegistry, destinationRegistry, Map.of());
    try (ObjectStore fs = new FilesystemObjectStore(repo); ObjectStore s3Store = new S3ObjectStore(settings)) {
      for (ObjectStore store : new ObjectStore[] {fs, s3Store}) {
        assertThat(new Backupper(source.client(), store, Clock.systemUTC()).run(BackupRestoreIT.backup("b-" + s, ns),
            x -> { }).getPhase()).isEqualTo(BackupPhase.COMPLETED);
      }
      assertThat(resourceList(s3Store, "b-" + s)).isEqualTo(resourceList(fs, "b-" + s));

      String fromFs = ns + "-fs";
      String fromS3 = ns + "-s3";
      assertThat(new Restorer(destination.client(), fs, Clock.systemUTC(), options)
          .run(BackupRestoreIT.restore("rfs-" + s, "b-" + s, Map.of(ns, fromFs)), x -> { }).getErrors()).isZero();
      var fromS3Status = new Restorer(destination.client(), s3Store, Clock.systemUTC(), options)
          .run(BackupRestoreIT.restore("rs3-" + s, "b-" + s, Map.of(ns, fromS3)), x -> { });
      assertThat(fromS3Status.getPhase()).isIn(RestorePhase.COMPLETED, RestorePhase.PARTIALLY_FAILED);
      assertThat(fromS3Status.getErrors()).isZero();
      BackupRestoreIT.assertSameApplication(destination.client(), fromFs, destination.client(), fromS3,
          destinationRegistry, destinationRegistry);
    }
  }

  private static Map<String, java.util.List<String>> resourceList(ObjectStore store, String backup) throws Exception {
    return ResourceListFile.read(new ByteArrayInputStream(store.getBytes(BackupLayout.ROOT.backupResourceList(backup))))
        .entries();
  }
}
