package dev.ferry.controller.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.objectstore.AzureCredentials;
import dev.ferry.objectstore.AzureSettings;
import dev.ferry.objectstore.GcsSettings;
import dev.ferry.objectstore.ObjectStoreException;
import dev.ferry.objectstore.S3Settings;
import dev.ferry.objectstore.StorageLocation;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VeleroLocationModelTest {

  private static MigStorage storage(String specYaml) {
    return Serialization.unmarshal("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigStorage
        metadata: {name: repo, namespace: openshift-migration, uid: 3f2a9c1e-0000-0000-0000-000000000000}
        spec:
        """ + specYaml.indent(2), MigStorage.class);
  }

  @Test
  void awsUsesVelerosAwsKeysAndCredentialsFile() {
    MigStorage storage = storage("""
        backupStorageProvider: aws
        volumeSnapshotProvider: aws
        volumeSnapshotConfig: {awsRegion: eu-west-1}
        backupStorageConfig: {awsBucketName: b, awsPublicUrl: "https://public.example"}
        """);
    StorageLocation location = StorageLocation.aws(S3Settings.builder().bucket("b").endpoint("http://s3:9000")
        .forcePathStyle(true).credentials("AKIA1", "s3cr3t").build());
    VeleroLocationModel model = VeleroLocationModel.of(storage, location, "repo-3f2a9");
    assertThat(model.bsl().getProvider()).isEqualTo("aws");
    assertThat(model.bsl().getObjectStorage().getBucket()).isEqualTo("b");
    assertThat(model.bsl().getConfig()).containsExactlyInAnyOrderEntriesOf(Map.of("region", "us-east-1",
        "s3Url", "http://s3:9000", "s3ForcePathStyle", "true", "publicUrl", "https://public.example"));
    assertThat(model.bsl().getCredential().getName()).isEqualTo("repo-3f2a9");
    assertThat(model.bsl().getCredential().getKey()).isEqualTo("cloud");
    assertThat(model.secretData().get("cloud")).contains("[default]").contains("aws_access_key_id=AKIA1")
        .contains("aws_secret_access_key=s3cr3t");
    assertThat(model.vsl().getProvider()).isEqualTo("aws");
    assertThat(model.vsl().getConfig()).containsEntry("region", "eu-west-1");
    assertThat(model.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void azureUsesVelerosAzureKeysAndEnvFile() {
    MigStorage storage = storage("""
        backupStorageProvider: azure
        volumeSnapshotProvider: azure
        volumeSnapshotConfig: {azureApiTimeout: 5m0s, azureResourceGroup: snaps}
        backupStorageConfig: {azureStorageAccount: acct, azureStorageContainer: c}
        """);
    AzureCredentials creds = new AzureCredentials("a2V5", null, null, null, "sub", "rg", null);
    VeleroLocationModel model = VeleroLocationModel.of(storage, StorageLocation.azure(new AzureSettings("acct", "c",
        null, "http://127.0.0.1:10000/acct", null, creds)), "repo-3f2a9");
    assertThat(model.bsl().getProvider()).isEqualTo("azure");
    assertThat(model.bsl().getObjectStorage().getBucket()).isEqualTo("c");
    assertThat(model.bsl().getConfig()).containsEntry("storageAccount", "acct").containsEntry("resourceGroup", "rg")
        .containsEntry("subscriptionId", "sub").containsEntry("storageAccountURI", "http://127.0.0.1:10000/acct")
        .containsEntry("storageAccountKeyEnvVar", "AZURE_STORAGE_ACCOUNT_ACCESS_KEY");
    assertThat(model.secretData().get("cloud")).isEqualTo("AZURE_SUBSCRIPTION_ID=sub\nAZURE_RESOURCE_GROUP=rg\n"
        + "AZURE_STORAGE_ACCOUNT_ACCESS_KEY=a2V5\n");
    assertThat(model.vsl().getConfig()).containsEntry("apiTimeout", "5m0s").containsEntry("resourceGroup", "snaps");
  }

  @Test
  void gcpWithoutCredentialsAtAnEmulatorNamesNoSecret() {
    MigStorage storage = storage("""
        backupStorageProvider: gcp
        backupStorageConfig: {gcpBucket: b, gcpStoreEndpoint: "http://127.0.0.1:4443"}
        """);
    VeleroLocationModel model = VeleroLocationModel.of(storage, StorageLocation.gcp(new GcsSettings("b", null,
        "http://127.0.0.1:4443", null, null)), "repo-3f2a9");
    assertThat(model.bsl().getProvider()).isEqualTo("gcp");
    assertThat(model.bsl().getConfig()).containsExactly(Map.entry("storeEndpoint", "http://127.0.0.1:4443"));
    assertThat(model.bsl().getCredential()).isNull();
    assertThat(model.secretData()).isEmpty();
    assertThat(model.vsl()).isNull();
  }

  @Test
  void namesFollowMtc() {
    assertThat(VeleroLocationSync.locationName(storage("backupStorageProvider: aws\n"))).isEqualTo("repo-3f2a9");
  }

  @Test
  void probeFailuresGetProviderSpecificConditions() {
    assertThat(ProbeFailureCondition.of("azure", new ObjectStoreException("x", null,
        ObjectStoreException.Failure.MISSING_BUCKET))).isEqualTo(new ProbeFailureCondition(
            MigStorageConditions.STORAGE_BUCKET_NOT_FOUND, "ContainerNotFound"));
    assertThat(ProbeFailureCondition.of("gcp", new ObjectStoreException("x", null,
        ObjectStoreException.Failure.CREDENTIALS)).reason()).isEqualTo("ServiceAccountKeyRejected");
    assertThat(ProbeFailureCondition.of("aws", new ObjectStoreException("x", null,
        ObjectStoreException.Failure.UNREACHABLE)).type()).isEqualTo(MigStorageConditions.STORAGE_ENDPOINT_UNREACHABLE);
    assertThat(ProbeFailureCondition.of("aws", new ObjectStoreException("x")).type())
        .isEqualTo(MigStorageConditions.STORAGE_PROBE_FAILED);
  }
}
