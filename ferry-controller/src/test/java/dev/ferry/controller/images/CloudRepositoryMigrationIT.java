package dev.ferry.controller.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.api.velero.location.BackupStorageLocation;
import dev.ferry.api.velero.location.BackupStorageLocationPhase;
import dev.ferry.controller.FerryCrds;
import dev.ferry.controller.InProcessController;
import dev.ferry.controller.storage.MigStorageLocations;
import dev.ferry.controller.storage.StorageLocationKeys;
import dev.ferry.controller.storage.VeleroLocationSync;
import dev.ferry.controller.volumes.LibraryVolumeMover;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.testbed.LocalAzurite;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.LocalGcs;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.BoundClaims;
import dev.ferry.testsupport.MigrationRuns;
import dev.ferry.testsupport.PlanFixture;
import dev.ferry.volumes.fs.TreeVerifier;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A cutover whose replication repository is Azure Blob (Azurite) or Google Cloud Storage
 * (fake-gcs-server): the resources go through a backup in the repository, the volume is copied
 * indirectly (deduplicated chunks in the repository) and the internal image too. Velero's
 * BackupStorageLocation for the MigStorage appears on both clusters (Available on the host, where
 * Ferry probes it) and goes away with the MigStorage.
 */
@ExtendWith(TestbedExtension.class)
class CloudRepositoryMigrationIT {
  private static final String NS = ImageFixture.NS;

  @Test
  void migratesThroughAzureBlob(Testbed testbed) throws Exception {
    LocalAzurite azurite = testbed.azurite();
    String s = UUID.randomUUID().toString().substring(0, 6);
    String container = "repo-" + s;
    new BlobServiceClientBuilder().endpoint(azurite.blobEndpoint())
        .credential(new StorageSharedKeyCredential(LocalAzurite.ACCOUNT, LocalAzurite.ACCOUNT_KEY)).buildClient()
        .createBlobContainer(container);
    KubernetesClient host = testbed.source().client();
    FerryCrds.install(host);
    // Velero's credentials file, as an MTC user puts it in the Secret.
    host.resource(new SecretBuilder().withNewMetadata().withName("azure-" + s).withNamespace(NS).endMetadata()
        .addToStringData("cloud", "AZURE_STORAGE_ACCOUNT_ACCESS_KEY=" + LocalAzurite.ACCOUNT_KEY + "\n"
            + "AZURE_CLOUD_NAME=AzurePublicCloud\n").build()).create();
    migrate(testbed, s, """
        backupStorageProvider: azure
        backupStorageConfig:
          azureStorageAccount: %s
          azureStorageContainer: %s
          azureResourceGroup: ferry-test
          azureStorageAccountURI: %s
          credsSecretRef: {name: azure-%s, namespace: %s}
        """.formatted(LocalAzurite.ACCOUNT, container, azurite.blobEndpoint(), s, NS), "azure");
  }

  @Test
  void migratesThroughGoogleCloudStorage(Testbed testbed) throws Exception {
    LocalGcs gcs = testbed.gcs();
    String s = UUID.randomUUID().toString().substring(0, 6);
    String bucket = "repo-" + s;
    gcs.createBucket(bucket);
    FerryCrds.install(testbed.source().client());
    // fake-gcs-server takes no credentials: an emulator endpoint lets the MigStorage leave them out.
    migrate(testbed, s, """
        backupStorageProvider: gcp
        backupStorageConfig:
          gcpBucket: %s
          gcpStoreEndpoint: %s
        """.formatted(bucket, gcs.endpoint()), "gcp");
  }

  private void migrate(Testbed testbed, String s, String storageSpec, String provider) throws Exception {
    LocalCluster source = testbed.source();
    LocalCluster destination = testbed.destination();
    KubernetesClient host = source.client();
    FerryCrds.install(destination.client()); // Velero's kinds, for the destination's BackupStorageLocation
    String app = provider + "shop-" + s;
    String appDest = app + "-d";
    String srcRegistry = source.registry().orElseThrow().hostPort();
    String digest = ImageFixture.namespaceWithImage(host, srcRegistry, app);
    PlanFixture.apply(host, ImageFixture.webDeployment(app, srcRegistry, digest, "") + """
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: %1$s}
        data: {greeting: hello}
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data, namespace: %1$s}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
        """.formatted(app));
    PersistentVolumeClaim claim = BoundClaims.await(host, app, "data", 60);
    String volume = claim.getSpec().getVolumeName();
    Path sourceDir = BoundClaims.directory(host, claim);
    Files.createDirectories(sourceDir.resolve("docs"));
    for (int i = 0; i < 20; i++) {
      Files.writeString(sourceDir.resolve("docs/file-" + i + ".txt"), ("line " + i + " of " + provider + "\n")
          .repeat(500 + i));
    }
    Files.write(sourceDir.resolve("blob.bin"), new byte[3 * 1024 * 1024]);

    PlanFixture.declareClustersWithRegistries(host, source, destination, s);
    PlanFixture.declareStorage(host, s, storageSpec);
    PlanFixture.declarePlan(host, s, "\"" + app + ":" + appDest + "\"", """
          indirectImageMigration: true
          indirectVolumeMigration: true
          persistentVolumes:
          - name: %1$s
            pvc: {name: data, namespace: %2$s, accessModes: [ReadWriteOnce]}
            selection: {action: copy, copyMethod: filesystem, storageClass: standard, verify: true}
        """.formatted(volume, app));
    PlanFixture.markReady(host, s);

    try (InProcessController controller = InProcessController.on(host).storages().migrations()
        .volumes(new LibraryVolumeMover()).images().start()) {
      MigStorageLocations storages = controller.repositories();
      MigStorage storage = host.resources(MigStorage.class).inNamespace(NS).withName("repo-" + s)
          .waitUntilCondition(m -> m.getStatus() != null && m.getStatus().conditions().ready(), 120,
              TimeUnit.SECONDS);
      String location = VeleroLocationSync.locationName(storage);
      for (KubernetesClient cluster : List.of(host, destination.client())) {
        BackupStorageLocation bsl = cluster.resources(BackupStorageLocation.class).inNamespace(NS)
            .withName(location).waitUntilCondition(b -> b != null, 60, TimeUnit.SECONDS);
        assertThat(bsl.getSpec().getProvider()).isEqualTo(provider);
        assertThat(bsl.getMetadata().getLabels()).containsEntry(StorageLocationKeys.MIGSTORAGE_LABEL,
            storage.getMetadata().getUid());
      }
      host.resources(BackupStorageLocation.class).inNamespace(NS).withName(location).waitUntilCondition(
          b -> b.getStatus() != null && b.getStatus().getPhase() == BackupStorageLocationPhase.AVAILABLE, 120,
          TimeUnit.SECONDS);

      MigMigration done = MigrationRuns.awaitEnd(host,
          MigrationRuns.start(host, MigrationRuns.cutover(s, false)).getMetadata().getName(), 300);
      assertThat(done.getStatus().getPhase()).as("%s", done.getStatus().getErrors()).isEqualTo("Completed");

      KubernetesClient dst = destination.client();
      ImageFixture.assertImageMoved(destination, appDest, digest);
      assertThat(dst.configMaps().inNamespace(appDest).withName("settings").get().getData())
          .containsEntry("greeting", "hello");
      TreeVerifier.verify(sourceDir, BoundClaims.directory(dst, appDest, "data"));
      try (ObjectStore repository = storages.open(storage)) {
        assertThat(repository.list("backups/")).as("the resource backups").isNotEmpty();
        assertThat(repository.list("volumes/")).as("chunks and snapshots of the volume").isNotEmpty();
        assertThat(repository.list(ImageMovers.ARCHIVE_PREFIX)).as("the image's blobs")
            .anyMatch(k -> k.endsWith(digest.substring(7)));
      }

      host.resources(MigStorage.class).inNamespace(NS).withName("repo-" + s).delete();
      for (KubernetesClient cluster : List.of(host, dst)) {
        cluster.resources(BackupStorageLocation.class).inNamespace(NS).withName(location)
            .waitUntilCondition(b -> b == null, 60, TimeUnit.SECONDS);
        cluster.secrets().inNamespace(NS).withName(location).waitUntilCondition(x -> x == null, 60,
            TimeUnit.SECONDS);
      }
    }
  }
}
