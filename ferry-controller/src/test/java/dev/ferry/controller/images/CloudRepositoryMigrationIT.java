package dev.ferry.controller.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.plan.MigPlanStatus;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.api.velero.location.BackupStorageLocation;
import dev.ferry.api.velero.location.BackupStorageLocationPhase;
import dev.ferry.controller.FerryCrds;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.controller.migration.MigrationReconciler;
import dev.ferry.controller.storage.MigStorageLocations;
import dev.ferry.controller.storage.MigStorageReconciler;
import dev.ferry.controller.storage.StorageLocationKeys;
import dev.ferry.controller.storage.VeleroLocationSync;
import dev.ferry.controller.velero.BackupStorageLocationReconciler;
import dev.ferry.controller.velero.BackupStorageLocations;
import dev.ferry.controller.volumes.DirectVolumeMigrationReconciler;
import dev.ferry.controller.volumes.InProcessVolumeLauncher;
import dev.ferry.controller.volumes.LibraryVolumeMover;
import dev.ferry.images.RegistryClient;
import dev.ferry.images.RegistryEndpoint;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.testbed.LocalAzurite;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.LocalGcs;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.volumes.fs.TreeVerifier;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
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
    String dstRegistry = destination.registry().orElseThrow().hostPort();
    host.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(app).endMetadata().build()).create();
    String digest = RegistryImages.push(srcRegistry, app + "/web", "v1");
    ImageFixture.imageStream(host, srcRegistry, app, "web", "v1", digest);
    ImageFixture.apply(host, """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: %1$s}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - {name: web, image: "%2$s/%1$s/web@%3$s"}
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
        """.formatted(app, srcRegistry, digest));
    PersistentVolumeClaim claim = host.persistentVolumeClaims().inNamespace(app).withName("data")
        .waitUntilCondition(c -> c != null && c.getStatus() != null && "Bound".equals(c.getStatus().getPhase()),
            60, TimeUnit.SECONDS);
    String volume = claim.getSpec().getVolumeName();
    Path sourceDir = Path.of(host.persistentVolumes().withName(volume).get().getSpec().getHostPath().getPath());
    Files.createDirectories(sourceDir.resolve("docs"));
    for (int i = 0; i < 20; i++) {
      Files.writeString(sourceDir.resolve("docs/file-" + i + ".txt"), ("line " + i + " of " + provider + "\n")
          .repeat(500 + i));
    }
    Files.write(sourceDir.resolve("blob.bin"), new byte[3 * 1024 * 1024]);

    ImageFixture.declareClusters(host, source, destination, s);
    ImageFixture.apply(host, """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigStorage
        metadata: {name: repo-%1$s, namespace: %2$s}
        spec:
        %3$s---
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigPlan
        metadata: {name: plan-%1$s, namespace: %2$s}
        spec:
          srcMigClusterRef: {name: host-%1$s, namespace: %2$s}
          destMigClusterRef: {name: dest-%1$s, namespace: %2$s}
          migStorageRef: {name: repo-%1$s, namespace: %2$s}
          namespaces: ["%4$s:%5$s"]
          indirectImageMigration: true
          indirectVolumeMigration: true
          persistentVolumes:
          - name: %6$s
            pvc: {name: data, namespace: %4$s, accessModes: [ReadWriteOnce]}
            selection: {action: copy, copyMethod: filesystem, storageClass: standard, verify: true}
        """.formatted(s, NS, storageSpec.indent(2), app, appDest, volume));
    MigPlan plan = host.resources(MigPlan.class).inNamespace(NS).withName("plan-" + s).get();
    plan.setStatus(new MigPlanStatus());
    plan.getStatus().setConditions(List.of(Condition.of(Condition.READY, Category.REQUIRED, null,
        "The migration plan is ready.")));
    plan.getStatus().getConditions().get(0).setLastTransitionTime("2026-01-01T00:00:00Z");
    host.resource(plan).updateStatus();

    Operator operator = new Operator(o -> o.withKubernetesClient(host).withCloseClientOnStop(false));
    Set<String> watched = Set.of(NS);
    try (ClusterClients clusters = new ClusterClients(host);
         InProcessVolumeLauncher launcher = new InProcessVolumeLauncher(new LibraryVolumeMover(), 2)) {
      MigStorageLocations storages = new MigStorageLocations(host);
      Clock clock = Clock.systemUTC();
      operator.register(new MigStorageReconciler(storages, new VeleroLocationSync(clusters), clock),
          c -> c.settingNamespaces(watched));
      operator.register(new BackupStorageLocationReconciler(new BackupStorageLocations(host), clock),
          c -> c.settingNamespaces(watched));
      operator.register(new MigrationReconciler(clusters, storages::open, clock), c -> c.settingNamespaces(watched));
      operator.register(new DirectVolumeMigrationReconciler(clusters, storages::open, new LibraryVolumeMover(),
          launcher, clock), c -> c.settingNamespaces(watched));
      operator.register(new DirectImageMigrationReconciler(clusters, clock), c -> c.settingNamespaces(watched));
      operator.register(new DirectImageStreamMigrationReconciler(clusters, clock), c -> c.settingNamespaces(watched));
      operator.start();

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

      MigMigration migration = Serialization.unmarshal("""
          apiVersion: migration.openshift.io/v1alpha1
          kind: MigMigration
          metadata: {name: cutover-%1$s, namespace: %2$s}
          spec:
            stage: false
            quiescePods: false
            migPlanRef: {name: plan-%1$s, namespace: %2$s}
          """.formatted(s, NS), MigMigration.class);
      host.resource(migration).create();
      MigMigration done = host.resources(MigMigration.class).inNamespace(NS).withName("cutover-" + s)
          .waitUntilCondition(x -> x.getStatus() != null && Set.of("Completed", "Failed")
              .contains(x.getStatus().getPhase()), 300, TimeUnit.SECONDS);
      assertThat(done.getStatus().getPhase()).as("%s", done.getStatus().getErrors()).isEqualTo("Completed");

      KubernetesClient dst = destination.client();
      Deployment restored = dst.apps().deployments().inNamespace(appDest).withName("web").get();
      assertThat(restored.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
          .isEqualTo(dstRegistry + "/" + appDest + "/web@" + digest);
      assertThat(new RegistryClient(RegistryEndpoint.anonymous(dstRegistry)).manifestDigest(appDest + "/web",
          digest)).hasValue(digest);
      assertThat(dst.configMaps().inNamespace(appDest).withName("settings").get().getData())
          .containsEntry("greeting", "hello");
      PersistentVolumeClaim target = dst.persistentVolumeClaims().inNamespace(appDest).withName("data").get();
      Path targetDir = Path.of(dst.persistentVolumes().withName(target.getSpec().getVolumeName()).get().getSpec()
          .getHostPath().getPath());
      TreeVerifier.verify(sourceDir, targetDir);
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
    } finally {
      operator.stop();
    }
  }
}
