package dev.ferry.controller.storage;

import static dev.ferry.controller.cluster.MigFixtures.NS;
import static dev.ferry.controller.cluster.MigFixtures.await;
import static dev.ferry.controller.cluster.MigFixtures.condition;
import static dev.ferry.controller.cluster.MigFixtures.has;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.api.velero.location.BackupStorageLocation;
import dev.ferry.controller.FerryCrds;
import dev.ferry.controller.FerryOperator;
import dev.ferry.controller.cluster.MigFixtures;
import dev.ferry.testbed.LocalAzurite;
import dev.ferry.testbed.LocalGcs;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Azure and GCP MigStorages probed for real against Azurite and fake-gcs-server: Ready with
 * Velero's BackupStorageLocation (provider, config keys, MTC's labels) that follows spec changes
 * and deletion; a wrong account key, a missing container or bucket, an unreachable endpoint and a
 * broken service-account key each get their own Critical condition.
 */
@ExtendWith(TestbedExtension.class)
class CloudMigStorageIT {
  private static final String WRONG_KEY = Base64.getEncoder().encodeToString(
      "a key Azurite never issued, long enough to look like one....".getBytes());

  @Test
  void azureStoragesAndTheirConditions(Testbed testbed) throws IOException {
    KubernetesClient host = testbed.source().client();
    FerryCrds.install(host);
    LocalAzurite azurite = testbed.azurite();
    String s = MigFixtures.suffix();
    String container = "repo-" + s;
    new BlobServiceClientBuilder().endpoint(azurite.blobEndpoint())
        .credential(new StorageSharedKeyCredential(LocalAzurite.ACCOUNT, LocalAzurite.ACCOUNT_KEY)).buildClient()
        .createBlobContainer(container);
    secret(host, "az-" + s, "AZURE_STORAGE_ACCOUNT_ACCESS_KEY=" + LocalAzurite.ACCOUNT_KEY + "\n");
    secret(host, "azwrong-" + s, "AZURE_STORAGE_ACCOUNT_ACCESS_KEY=" + WRONG_KEY + "\n");
    int closed = closedPort();
    try (FerryOperator operator = new FerryOperator(host, NS, Clock.systemUTC()).start()) {
      MigFixtures.apply(host, azure("az-" + s, container, azurite.blobEndpoint(), "az-" + s));
      MigFixtures.apply(host, azure("azwrong-" + s, container, azurite.blobEndpoint(), "azwrong-" + s));
      MigFixtures.apply(host, azure("aznone-" + s, "absent-" + s, azurite.blobEndpoint(), "az-" + s));
      MigFixtures.apply(host, azure("azdown-" + s, container, "http://127.0.0.1:" + closed + "/"
          + LocalAzurite.ACCOUNT, "az-" + s));

      MigStorage ready = await(host, MigStorage.class, "az-" + s, has(Condition.READY));
      String name = VeleroLocationSync.locationName(ready);
      BackupStorageLocation bsl = host.resources(BackupStorageLocation.class).inNamespace(NS).withName(name)
          .waitUntilCondition(b -> b != null, 60, TimeUnit.SECONDS);
      assertThat(bsl.getSpec().getProvider()).isEqualTo("azure");
      assertThat(bsl.getSpec().getObjectStorage().getBucket()).isEqualTo(container);
      assertThat(bsl.getSpec().getConfig()).containsEntry("storageAccount", LocalAzurite.ACCOUNT)
          .containsEntry("storageAccountURI", azurite.blobEndpoint())
          .containsEntry("storageAccountKeyEnvVar", "AZURE_STORAGE_ACCOUNT_ACCESS_KEY");
      assertThat(bsl.getSpec().getCredential().getName()).isEqualTo(name);
      assertThat(bsl.getMetadata().getLabels()).containsEntry("migstorage", ready.getMetadata().getUid());
      assertThat(host.secrets().inNamespace(NS).withName(name).get()).isNotNull();

      Condition wrong = condition(await(host, MigStorage.class, "azwrong-" + s,
          has(MigStorageConditions.STORAGE_CREDENTIALS_REJECTED)), MigStorageConditions.STORAGE_CREDENTIALS_REJECTED);
      assertThat(wrong.getCategory()).isEqualTo(Category.CRITICAL);
      assertThat(wrong.getReason()).isEqualTo("AccountKeyRejected");
      assertThat(wrong.getMessage()).contains("AZURE_STORAGE_ACCOUNT_ACCESS_KEY").doesNotContain(WRONG_KEY);

      Condition none = condition(await(host, MigStorage.class, "aznone-" + s,
          has(MigStorageConditions.STORAGE_BUCKET_NOT_FOUND)), MigStorageConditions.STORAGE_BUCKET_NOT_FOUND);
      assertThat(none.getReason()).isEqualTo("ContainerNotFound");
      assertThat(none.getMessage()).contains("absent-" + s).contains("azureStorageContainer");

      Condition down = condition(await(host, MigStorage.class, "azdown-" + s,
          has(MigStorageConditions.STORAGE_ENDPOINT_UNREACHABLE)), MigStorageConditions.STORAGE_ENDPOINT_UNREACHABLE);
      assertThat(down.getMessage()).contains("127.0.0.1:" + closed);
      assertThat(host.resources(BackupStorageLocation.class).inNamespace(NS)
          .withLabel("migstorage", host.resources(MigStorage.class).inNamespace(NS).withName("azdown-" + s).get()
              .getMetadata().getUid()).list().getItems()).as("no location for a storage that is not Ready").isEmpty();

      // A changed container moves the location with it.
      String second = "second-" + s;
      new BlobServiceClientBuilder().endpoint(azurite.blobEndpoint())
          .credential(new StorageSharedKeyCredential(LocalAzurite.ACCOUNT, LocalAzurite.ACCOUNT_KEY)).buildClient()
          .createBlobContainer(second);
      host.resources(MigStorage.class).inNamespace(NS).withName("az-" + s).edit(m -> {
        m.getSpec().getBackupStorageConfig().setAzureStorageContainer(second);
        return m;
      });
      host.resources(BackupStorageLocation.class).inNamespace(NS).withName(name).waitUntilCondition(
          b -> b != null && second.equals(b.getSpec().getObjectStorage().getBucket()), 60, TimeUnit.SECONDS);

      host.resources(MigStorage.class).inNamespace(NS).withName("az-" + s).delete();
      host.resources(BackupStorageLocation.class).inNamespace(NS).withName(name)
          .waitUntilCondition(b -> b == null, 60, TimeUnit.SECONDS);
      host.secrets().inNamespace(NS).withName(name).waitUntilCondition(x -> x == null, 60, TimeUnit.SECONDS);
    } finally {
      MigFixtures.delete(host, MigStorage.class, "az-" + s, "azwrong-" + s, "aznone-" + s, "azdown-" + s);
    }
  }

  @Test
  void gcpStoragesAndTheirConditions(Testbed testbed) throws IOException {
    KubernetesClient host = testbed.source().client();
    FerryCrds.install(host);
    LocalGcs gcs = testbed.gcs();
    String s = MigFixtures.suffix();
    String bucket = "repo-" + s;
    gcs.createBucket(bucket);
    secret(host, "gcpbroken-" + s, "{\"type\": \"service_account\", \"client_email\": \"x@p.iam.gserviceaccount.com\"}");
    int closed = closedPort();
    try (FerryOperator operator = new FerryOperator(host, NS, Clock.systemUTC()).start()) {
      MigFixtures.apply(host, gcp("gcp-" + s, bucket, gcs.endpoint(), null));
      MigFixtures.apply(host, gcp("gcpnone-" + s, "absent-" + s, gcs.endpoint(), null));
      MigFixtures.apply(host, gcp("gcpdown-" + s, bucket, "http://127.0.0.1:" + closed, null));
      MigFixtures.apply(host, gcp("gcpbroken-" + s, bucket, gcs.endpoint(), "gcpbroken-" + s));

      MigStorage ready = await(host, MigStorage.class, "gcp-" + s, has(Condition.READY));
      BackupStorageLocation bsl = host.resources(BackupStorageLocation.class).inNamespace(NS)
          .withName(VeleroLocationSync.locationName(ready)).waitUntilCondition(b -> b != null, 60, TimeUnit.SECONDS);
      assertThat(bsl.getSpec().getProvider()).isEqualTo("gcp");
      assertThat(bsl.getSpec().getObjectStorage().getBucket()).isEqualTo(bucket);
      assertThat(bsl.getSpec().getConfig()).containsEntry(StorageLocationKeys.GCS_STORE_ENDPOINT, gcs.endpoint());

      Condition none = condition(await(host, MigStorage.class, "gcpnone-" + s,
          has(MigStorageConditions.STORAGE_BUCKET_NOT_FOUND)), MigStorageConditions.STORAGE_BUCKET_NOT_FOUND);
      assertThat(none.getReason()).isEqualTo("BucketNotFound");
      assertThat(none.getMessage()).contains("absent-" + s).contains("gcpBucket");
      Condition down = condition(await(host, MigStorage.class, "gcpdown-" + s,
          has(MigStorageConditions.STORAGE_ENDPOINT_UNREACHABLE)), MigStorageConditions.STORAGE_ENDPOINT_UNREACHABLE);
      assertThat(down.getMessage()).contains("127.0.0.1:" + closed);
      Condition broken = condition(await(host, MigStorage.class, "gcpbroken-" + s,
          has(MigStorageConditions.INVALID_CREDS_SECRET_REF)), MigStorageConditions.INVALID_CREDS_SECRET_REF);
      assertThat(broken.getMessage()).contains("service-account key").contains("gcpbroken-" + s);
    } finally {
      MigFixtures.delete(host, MigStorage.class, "gcp-" + s, "gcpnone-" + s, "gcpdown-" + s, "gcpbroken-" + s);
    }
  }

  private static void secret(KubernetesClient host, String name, String cloud) {
    host.resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
        .addToStringData("cloud", cloud).build()).create();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String azure(String name, String container, String uri, String secret) {
    return """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigStorage
        metadata: {name: %s, namespace: %s}
        spec:
          backupStorageProvider: azure
          backupStorageConfig:
            azureStorageAccount: %s
            azureStorageContainer: %s
            azureStorageAccountURI: %s
            credsSecretRef: {name: %s, namespace: %s}
        """.formatted(name, NS, LocalAzurite.ACCOUNT, container, uri, secret, NS);
  }

  private static String gcp(String name, String bucket, String endpoint, String secret) {
    return """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigStorage
        metadata: {name: %s, namespace: %s}
        spec:
          backupStorageProvider: gcp
          backupStorageConfig:
            gcpBucket: %s
            gcpStoreEndpoint: %s
        %s""".formatted(name, NS, bucket, endpoint, secret == null ? ""
        : "    credsSecretRef: {name: " + secret + ", namespace: " + NS + "}\n");
  }
}
