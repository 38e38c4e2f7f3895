package dev.ferry.controller.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.objectstore.StorageLocation;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageLocationMapperTest {
  private final Map<String, Secret> secrets = new HashMap<>();
  private final StorageLocationMapper mapper = new StorageLocationMapper((ns, name) -> secrets.get(ns + "/" + name));

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private void secret(String namespace, String name, Map<String, String> plain) {
    SecretBuilder b = new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata();
    plain.forEach((k, v) -> b.addToData(k, b64(v)));
    secrets.put(namespace + "/" + name, b.build());
  }

  private static MigStorage storage(String specYaml) {
    return Serialization.unmarshal("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigStorage
        metadata: {name: repo, namespace: openshift-migration}
        spec:
        """ + specYaml.indent(2), MigStorage.class);
  }

  /** An Azure MigStorage on container {@code replication} of {@code account}, with Secret openshift-config/{@code secret}. */
  private static MigStorage azure(String account, String secret) {
    return storage("""
        backupStorageProvider: azure
        backupStorageConfig:
          azureStorageAccount: %s
          azureStorageContainer: replication
          credsSecretRef: {name: %s, namespace: openshift-config}
        """.formatted(account, secret));
  }

  /** A Google Cloud Storage MigStorage on bucket {@code replication}, with Secret openshift-config/{@code secret}. */
  private static MigStorage gcp(String secret) {
    return storage("""
        backupStorageProvider: gcp
        backupStorageConfig:
          gcpBucket: replication
          credsSecretRef: {name: %s, namespace: openshift-config}
        """.formatted(secret));
  }

  private static InvalidMigStorageException failure(Runnable r) {
    try {
      r.run();
    } catch (InvalidMigStorageException e) {
      return e;
    }
    throw new AssertionError("expected InvalidMigStorageException");
  }

  @Test
  void awsMapsEveryBackupStorageConfigField() {
    secret("openshift-config", "creds", Map.of("aws-access-key-id", "AKIA1", "aws-secret-access-key", "s3cr3t"));
    StorageLocation location = mapper.map(storage("""
        backupStorageProvider: aws
        backupStorageConfig:
          awsBucketName: replication
          awsRegion: eu-west-1
          awsS3Url: https://s3.example.com:9000
          awsS3ForcePathStyle: true
          awsKmsKeyId: key-1
          awsSignatureVersion: "4"
          credsSecretRef: {name: creds, namespace: openshift-config}
        """));
    assertThat(location.provider()).isEqualTo(StorageLocation.AWS);
    assertThat(location.s3().bucket()).isEqualTo("replication");
    assertThat(location.s3().region()).isEqualTo("eu-west-1");
    assertThat(location.s3().endpoint()).isEqualTo("https://s3.example.com:9000");
    assertThat(location.s3().forcePathStyle()).isTrue();
    assertThat(location.s3().kmsKeyId()).isEqualTo("key-1");
    assertThat(location.s3().signatureVersion()).isEqualTo("4");
    assertThat(location.s3().accessKeyId()).isEqualTo("AKIA1");
    assertThat(location.s3().secretAccessKey()).isEqualTo("s3cr3t");
    assertThat(location.s3().insecureSkipTlsVerify()).isFalse();
  }

  @Test
  void credsSecretDefaultsToTheStorageNamespaceAndInsecureDropsTheCaBundle() {
    secret("openshift-migration", "creds", Map.of("aws-access-key-id", "AKIA1", "aws-secret-access-key", "x"));
    StorageLocation location = mapper.map(storage("""
        backupStorageProvider: aws
        backupStorageConfig:
          awsBucketName: replication
          insecure: true
          s3CustomCABundle: not-even-base64!
          credsSecretRef: {name: creds}
        """));
    assertThat(location.s3().insecureSkipTlsVerify()).isTrue();
    assertThat(location.s3().caBundle()).isNull();
  }

  @Test
  void filesystemUsesTheDirectory() {
    StorageLocation location = mapper.map(storage("""
        backupStorageProvider: filesystem
        backupStorageConfig: {filesystemPath: /var/lib/ferry/repo}
        """));
    assertThat(location).isEqualTo(StorageLocation.filesystem("/var/lib/ferry/repo"));
  }

  @Test
  void filesystemNeedsAnAbsolutePath() {
    assertThat(failure(() -> mapper.map(storage("backupStorageProvider: filesystem\n"))).conditionType())
        .isEqualTo(MigStorageConditions.INVALID_BUCKET_NAME);
    InvalidMigStorageException relative = failure(() -> mapper.map(storage("""
        backupStorageProvider: filesystem
        backupStorageConfig: {filesystemPath: repo}
        """)));
    assertThat(relative.getMessage()).contains("not an absolute path");
  }

  @Test
  void missingProvider() {
    InvalidMigStorageException missing = failure(() -> mapper.map(storage("backupStorageConfig: {awsBucketName: b}\n")));
    assertThat(missing.conditionType()).isEqualTo(MigStorageConditions.INVALID_STORAGE_PROVIDER);
    assertThat(missing.getMessage()).contains("spec.backupStorageProvider");
  }

  @Test
  void azureTakesVelerosCredentialsFileOrKeys() {
    secret("openshift-config", "azure", Map.of("cloud", """
        # written by the installer
        AZURE_SUBSCRIPTION_ID=sub
        AZURE_RESOURCE_GROUP=rg
        AZURE_STORAGE_ACCOUNT_ACCESS_KEY=a2V5LW9mLWFjY291bnQ=
        AZURE_CLOUD_NAME=AzurePublicCloud
        """));
    StorageLocation location = mapper.map(storage("""
        backupStorageProvider: azure
        backupStorageConfig:
          azureStorageAccount: ferryrepo
          azureStorageContainer: replication
          azureResourceGroup: rg
          credsSecretRef: {name: azure, namespace: openshift-config}
        """));
    assertThat(location.normalizedProvider()).isEqualTo("azure");
    assertThat(location.azure().effectiveAccountUri()).isEqualTo("https://ferryrepo.blob.core.windows.net");
    assertThat(location.azure().credentials().accountKey()).isEqualTo("a2V5LW9mLWFjY291bnQ=");
    assertThat(location.azure().toString()).doesNotContain("a2V5LW9mLWFjY291bnQ=");

    secret("openshift-config", "sp", Map.of("AZURE_TENANT_ID", "t", "AZURE_CLIENT_ID", "c",
        "AZURE_CLIENT_SECRET", "very-secret", "AZURE_CLOUD_NAME", "AzureUSGovernmentCloud"));
    StorageLocation principal = mapper.map(storage("""
        backupStorageProvider: azure
        backupStorageConfig:
          azureStorageAccount: ferryrepo
          azureStorageContainer: replication
          azureStorageAccountURI: http://127.0.0.1:10000/ferryrepo/
          credsSecretRef: {name: sp, namespace: openshift-config}
        """));
    assertThat(principal.azure().credentials().hasAccountKey()).isFalse();
    assertThat(principal.azure().effectiveAccountUri()).isEqualTo("http://127.0.0.1:10000/ferryrepo");
    assertThat(principal.azure().authorityHost()).isEqualTo("https://login.microsoftonline.us/");
  }

  @Test
  void azureProblemsNameTheFieldToFix() {
    assertThat(failure(() -> mapper.map(storage("backupStorageProvider: azure\n"))).getMessage())
        .contains("azureStorageAccount");
    secret("openshift-config", "empty", Map.of("cloud", "AZURE_SUBSCRIPTION_ID=sub\n"));
    InvalidMigStorageException noKey = failure(() -> mapper.map(azure("ferryrepo", "empty")));
    assertThat(noKey.conditionType()).isEqualTo(MigStorageConditions.INVALID_CREDS_SECRET_REF);
    assertThat(noKey.getMessage()).contains("AZURE_STORAGE_ACCOUNT_ACCESS_KEY").contains("AZURE_SUBSCRIPTION_ID");
    secret("openshift-config", "notb64", Map.of("cloud", "AZURE_STORAGE_ACCOUNT_ACCESS_KEY=not base64!\n"));
    InvalidMigStorageException badKey = failure(() -> mapper.map(azure("ferryrepo", "notb64")));
    assertThat(badKey.conditionType()).isEqualTo(MigStorageConditions.INVALID_CREDS_SECRET_REF);
    assertThat(badKey.getMessage()).contains("not base64").doesNotContain("not base64!");
    InvalidMigStorageException badName = failure(() -> mapper.map(azure("Ferry_Repo", "notb64")));
    assertThat(badName.conditionType()).isEqualTo(MigStorageConditions.INVALID_BUCKET_NAME);
  }

  @Test
  void gcpTakesTheServiceAccountKeyUnderCloud() {
    secret("openshift-config", "gcp", Map.of("cloud", dev.ferry.testbed.LocalGcs.serviceAccountKeyJson(
        "velero@my-project.iam.gserviceaccount.com")));
    StorageLocation location = mapper.map(gcp("gcp"));
    assertThat(location.gcs().credentials().clientEmail()).isEqualTo("velero@my-project.iam.gserviceaccount.com");
    assertThat(location.gcs().credentials().projectId()).isEqualTo("my-project");
    assertThat(location.gcs().effectiveEndpoint()).isEqualTo("https://storage.googleapis.com");
    assertThat(location.gcs().toString()).doesNotContain("PRIVATE KEY");

    InvalidMigStorageException noSecret = failure(() -> mapper.map(storage("""
        backupStorageProvider: gcp
        backupStorageConfig: {gcpBucket: replication}
        """)));
    assertThat(noSecret.conditionType()).isEqualTo(MigStorageConditions.INVALID_CREDS_SECRET_REF);
    StorageLocation emulator = mapper.map(storage("""
        backupStorageProvider: gcp
        backupStorageConfig: {gcpBucket: replication, gcpStoreEndpoint: "http://127.0.0.1:4443"}
        """));
    assertThat(emulator.gcs().credentials()).as("an emulator may be used without credentials").isNull();

    secret("openshift-config", "broken", Map.of("cloud", "{\"type\": \"service_account\", \"private_key\": \"x\"}"));
    InvalidMigStorageException broken = failure(() -> mapper.map(gcp("broken")));
    assertThat(broken.conditionType()).isEqualTo(MigStorageConditions.INVALID_CREDS_SECRET_REF);
    assertThat(broken.getMessage()).contains("openshift-config/broken").contains("cloud");
  }

  @Test
  void bucketMustBeSetAndValid() {
    assertThat(failure(() -> mapper.map(storage("backupStorageProvider: aws\n"))).getMessage())
        .contains("awsBucketName");
    InvalidMigStorageException bad = failure(() -> mapper.map(storage("""
        backupStorageProvider: aws
        backupStorageConfig: {awsBucketName: "my bucket/x"}
        """)));
    assertThat(bad.conditionType()).isEqualTo(MigStorageConditions.INVALID_BUCKET_NAME);
    assertThat(bad.getMessage()).contains("my bucket/x");
  }

  @Test
  void credsSecretProblemsNameTheSecretButNeverItsValues() {
    InvalidMigStorageException unset = failure(() -> mapper.map(storage("""
        backupStorageProvider: aws
        backupStorageConfig: {awsBucketName: b12}
        """)));
    assertThat(unset.conditionType()).isEqualTo(MigStorageConditions.INVALID_CREDS_SECRET_REF);
    assertThat(unset.reason()).isEqualTo("NotSet");

    InvalidMigStorageException notFound = failure(() -> mapper.map(storage("""
        backupStorageProvider: aws
        backupStorageConfig: {awsBucketName: b12, credsSecretRef: {name: gone, namespace: openshift-config}}
        """)));
    assertThat(notFound.reason()).isEqualTo("NotFound");
    assertThat(notFound.getMessage()).contains("openshift-config/gone");

    secret("openshift-config", "partial", Map.of("aws-access-key-id", "AKIAVISIBLE", "token", "hunter2"));
    InvalidMigStorageException keys = failure(() -> mapper.map(storage("""
        backupStorageProvider: aws
        backupStorageConfig: {awsBucketName: b12, credsSecretRef: {name: partial, namespace: openshift-config}}
        """)));
    assertThat(keys.conditionType()).isEqualTo(MigStorageConditions.INVALID_CREDS_SECRET_REF);
    assertThat(keys.getMessage()).contains("aws-secret-access-key").doesNotContain("AKIAVISIBLE")
        .doesNotContain("hunter2");
  }

  @Test
  void unusableCaBundleIsReportedBeforeAnyConnection() {
    secret("openshift-migration", "c", Map.of("aws-access-key-id", "a", "aws-secret-access-key", "b"));
    assertThatThrownBy(() -> mapper.map(storage("""
        backupStorageProvider: aws
        backupStorageConfig: {awsBucketName: b12, s3CustomCABundle: aGVsbG8=, credsSecretRef: {name: c}}
        """))).isInstanceOf(InvalidMigStorageException.class).hasMessageContaining("s3CustomCABundle");
  }
}
