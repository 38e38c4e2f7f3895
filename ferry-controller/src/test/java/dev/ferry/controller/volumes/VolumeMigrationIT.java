package dev.ferry.controller.volumes;

import static dev.ferry.controller.volumes.VolumeFixture.applicationWithVolume;
import static dev.ferry.controller.volumes.VolumeFixture.assertCompleted;
import static dev.ferry.controller.volumes.VolumeFixture.bytes;
import static dev.ferry.controller.volumes.VolumeFixture.controller;
import static dev.ferry.controller.volumes.VolumeFixture.declarePlan;
import static dev.ferry.controller.volumes.VolumeFixture.destinationDirectory;
import static dev.ferry.controller.volumes.VolumeFixture.dvm;
import static dev.ferry.controller.volumes.VolumeFixture.onlyReport;
import static dev.ferry.controller.volumes.VolumeFixture.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.migration.Step;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.api.migration.volumes.DirectVolumeMigrationProgress;
import dev.ferry.controller.FerryCrds;
import dev.ferry.controller.InProcessController;
import dev.ferry.testbed.LocalS3;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.MigrationRuns;
import dev.ferry.testsupport.PlanFixture;
import dev.ferry.volumes.fs.TreeVerifier;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Volume data through migrations on the testbed, where every volume is a hostPath directory the
 * in-process mover reaches: two stages (the second sends only the changes), a cutover after which
 * the destination volume is identical to the source, and the indirect path through S3.
 */
@ExtendWith(TestbedExtension.class)
class VolumeMigrationIT {
  private static final String NS = PlanFixture.NS;

  @Test
  void stagesCopyOnlyChangesAndCutoverLeavesAnIdenticalVolume(Testbed testbed, @TempDir Path repository)
      throws Exception {
    KubernetesClient host = testbed.source().client();
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "files-" + s;
    Path sourceDir = applicationWithVolume(host, app);
    VolumeTrees.populate(sourceDir);
    declarePlan(testbed, s, repository, app, "verify: true");

    try (InProcessController controller = controller(host, new LibraryVolumeMover())) {
      MigMigration first = controller.run(MigrationRuns.manifest("stage1-" + s, s, "stage: true"));
      assertCompleted(first);
      DirectVolumeMigration firstDvm = dvm(host, first);
      assertThat(firstDvm.getStatus().conditions().find("LauncherSelected")).get()
          .satisfies(c -> assertThat(c.getMessage()).contains("in-process"));
      DirectVolumeMigrationProgress firstReport = onlyReport(host, firstDvm);
      assertThat(firstReport.getStatus().getPhase()).isEqualTo("Succeeded");
      assertThat(firstReport.getStatus().getTotalProgressPercentage()).isEqualTo("100%");
      long firstSent = bytes(firstReport, ProgressReports.BYTES_SENT);
      assertThat(firstSent).as("first stage sends the whole volume").isGreaterThanOrEqualTo(VolumeTrees.LARGE);
      Step step = step(first, "DirectVolume");
      assertThat(step.getBytesTotal()).isGreaterThanOrEqualTo(VolumeTrees.LARGE);

      Path targetDir = destinationDirectory(testbed, app);
      TreeVerifier.verify(sourceDir, targetDir);

      VolumeTrees.change(sourceDir);
      MigMigration second = controller.run(MigrationRuns.manifest("stage2-" + s, s, "stage: true"));
      assertCompleted(second);
      DirectVolumeMigrationProgress secondReport = onlyReport(host, dvm(host, second));
      long secondSent = bytes(secondReport, ProgressReports.BYTES_SENT);
      System.out.printf("stage 1 sent %d bytes, stage 2 sent %d bytes of %d%n", firstSent, secondSent,
          bytes(secondReport, ProgressReports.BYTES_TOTAL));
      assertThat(secondSent).as("second stage sends only the changes").isLessThan(VolumeTrees.LARGE / 8);

      Files.writeString(sourceDir.resolve("docs/cutover.txt"), "written just before the cutover\n");
      MigMigration cutover = controller.run(MigrationRuns.manifest("cutover-" + s, s, "quiescePods: true"));
      assertCompleted(cutover);
      assertThat(cutover.getStatus().getConditions()).extracting(Condition::getType)
          .doesNotContain("VolumeDataNotCopied", "VeleroFinalRestorePartiallyFailed");
      TreeVerifier.verify(sourceDir, targetDir);
      assertThat(targetDir.resolve("docs/file-2.txt")).doesNotExist();
      assertThat(Files.readString(targetDir.resolve("docs/cutover.txt"))).startsWith("written just before");
      assertThat(testbed.destination().client().persistentVolumeClaims().inNamespace(app).withName("data").get()
          .getMetadata().getLabels()).containsKey("migration.openshift.io/migrated-by-migplan");
      // The copy's own bookkeeping does not stay on the user's objects once the cutover is done.
      assertThat(java.util.Objects.requireNonNullElse(testbed.destination().client().persistentVolumeClaims()
          .inNamespace(app).withName("data").get().getMetadata().getAnnotations(), java.util.Map.<String, String>of()))
          .doesNotContainKey(DestinationClaims.CREATED_FOR_COPY);
      assertThat(java.util.Objects.requireNonNullElse(testbed.destination().client().namespaces().withName(app).get()
          .getMetadata().getAnnotations(), java.util.Map.<String, String>of()))
          .doesNotContainKey(DestinationClaims.CREATED_FOR_COPY);

      MigMigration rollback = controller.run(MigrationRuns.manifest("rollback-" + s, s, "rollback: true"));
      assertCompleted(rollback);
      assertThat(testbed.destination().client().persistentVolumeClaims().inNamespace(app).withName("data").get())
          .isNull();
    }
  }

  @Test
  void indirectMigrationGoesThroughTheRepository(Testbed testbed) throws Exception {
    KubernetesClient host = testbed.source().client();
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "indirect-" + s;
    Path sourceDir = applicationWithVolume(host, app);
    VolumeTrees.populate(sourceDir);
    LocalS3 s3 = testbed.s3();
    String bucket = "volumes-" + s;
    s3.createBucket(bucket);
    declarePlan(testbed, s, Path.of("/unused"), app, "verify: true", "indirectVolumeMigration: true");
    host.resource(new SecretBuilder().withNewMetadata().withName("s3-" + s).withNamespace(NS).endMetadata()
        .addToStringData("aws-access-key-id", s3.accessKey()).addToStringData("aws-secret-access-key", s3.secretKey())
        .build()).create();
    MigStorage storage = Serialization.unmarshal("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigStorage
        metadata: {name: repo-%1$s, namespace: %2$s}
        spec:
          backupStorageProvider: aws
          backupStorageConfig:
            awsBucketName: %3$s
            awsRegion: us-east-1
            awsS3Url: %4$s
            awsS3ForcePathStyle: true
            credsSecretRef: {name: s3-%1$s, namespace: %2$s}
        """.formatted(s, NS, bucket, s3.endpoint()), MigStorage.class);
    host.resources(MigStorage.class).inNamespace(NS).withName("repo-" + s).edit(m -> {
      m.setSpec(storage.getSpec());
      return m;
    });

    try (InProcessController controller = controller(host, new LibraryVolumeMover())) {
      MigMigration stage = controller.run(MigrationRuns.manifest("stage-" + s, s, "stage: true"));
      assertCompleted(stage);
      DirectVolumeMigration dvm = dvm(host, stage);
      assertThat(dvm.getMetadata().getAnnotations()).containsEntry(
          DirectVolumeMigrationReconciler.REPOSITORY_ANNOTATION, "repo-" + s);
      Path targetDir = destinationDirectory(testbed, app);
      TreeVerifier.verify(sourceDir, targetDir);
      try (S3Client client = s3Client(s3)) {
        assertThat(client.listObjectsV2(b -> b.bucket(bucket).prefix("volumes/")).contents())
            .as("chunks and snapshots in the bucket").isNotEmpty();
      }
      long firstSent = bytes(onlyReport(host, dvm), ProgressReports.BYTES_SENT);

      VolumeTrees.change(sourceDir);
      MigMigration second = controller.run(MigrationRuns.manifest("stage2-" + s, s, "stage: true"));
      assertCompleted(second);
      long secondSent = bytes(onlyReport(host, dvm(host, second)), ProgressReports.BYTES_SENT);
      System.out.printf("indirect: stage 1 uploaded %d bytes, stage 2 uploaded %d bytes%n", firstSent, secondSent);
      assertThat(secondSent).as("second stage uploads only new chunks").isLessThan(firstSent / 4);
      TreeVerifier.verify(sourceDir, targetDir);
    }
  }

  @Test
  void aVerificationMismatchFailsTheMigrationNamingTheFile(Testbed testbed, @TempDir Path repository)
      throws Exception {
    KubernetesClient host = testbed.source().client();
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "mismatch-" + s;
    Path sourceDir = applicationWithVolume(host, app);
    VolumeTrees.populate(sourceDir);
    declarePlan(testbed, s, repository, app, "verify: true", "indirectVolumeMigration: true");

    // A disk that loses a write: the copy completes, then one destination file is changed.
    VolumeMover losesAWrite = new CorruptingMover(new LibraryVolumeMover(), Path.of("docs/file-7.txt"));
    try (InProcessController controller = controller(host, losesAWrite)) {
      MigMigration stage = controller.run(MigrationRuns.manifest("stage-" + s, s, "stage: true"));
      assertThat(stage.getStatus().getPhase()).isEqualTo("Failed");
      assertThat(String.join("\n", stage.getStatus().getErrors())).contains("docs/file-7.txt")
          .contains(app + "/data");
      assertThat(step(stage, "DirectVolume").getFailed()).isTrue();
      DirectVolumeMigration dvm = dvm(host, stage);
      assertThat(dvm.getStatus().getPhase()).isEqualTo("Failed");
      assertThat(dvm.getStatus().conditions().find("Failed")).get()
          .satisfies(c -> assertThat(c.getMessage()).contains("docs/file-7.txt"));
      assertThat(onlyReport(host, dvm).getStatus().getExitCode()).isEqualTo(1);
    }
  }

  @Test
  void aBlockVolumeFailsTheCopyBeforeAnythingIsCreated(Testbed testbed, @TempDir Path repository) {
    KubernetesClient host = testbed.source().client();
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "block-" + s;
    FerryCrds.install(host);
    PlanFixture.apply(host, """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %1$s}
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: disk, namespace: %1$s}
        spec:
          accessModes: [ReadWriteOnce]
          volumeMode: Block
          resources: {requests: {storage: 1Gi}}
        """.formatted(app));
    PlanFixture.declare(host, testbed.destination(), s, repository, app, """
          persistentVolumes:
          - name: pv-disk-%s
            pvc: {name: disk, namespace: %s, accessModes: [ReadWriteOnce], volumeMode: Block}
            selection: {action: copy, copyMethod: filesystem, storageClass: standard}
        """.formatted(s, app));
    PlanFixture.markReady(host, s);
    try (InProcessController controller = controller(host, new LibraryVolumeMover())) {
      MigMigration stage = controller.run(MigrationRuns.manifest("stage-" + s, s, "stage: true"));
      assertThat(stage.getStatus().getPhase()).isEqualTo("Failed");
      assertThat(String.join("\n", stage.getStatus().getErrors()))
          .contains("The claim " + app + "/disk is a raw block volume (volumeMode: Block)")
          .contains("set its selection's action to skip");
      assertThat(testbed.destination().client().persistentVolumeClaims().inNamespace(app).withName("disk").get())
          .as("no destination claim for a copy that cannot run").isNull();
    }
  }

  private static S3Client s3Client(LocalS3 s3) {
    return S3Client.builder().endpointOverride(URI.create(s3.endpoint())).region(Region.of(LocalS3.REGION))
        .forcePathStyle(true).requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(),
            s3.secretKey()))).build();
  }
}
