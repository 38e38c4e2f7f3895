package dev.ferry.controller.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.api.migration.MigStorage;
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
  void missingOrUnsupportedProvider() {
    InvalidMigStorageException missing = failure(() -> mapper.map(storage("backupStorageConfig: {awsBucketName: b}\n")));
    assertThat(missing.conditionType()).isEqualTo(MigStorageConditions.INVALID_STORAGE_PROVIDER);
    assertThat(missing.getMessage()).contains("spec.backupStorageProvider");
    InvalidMigStorageException azure = failure(() -> mapper.map(storage("""
        backupStorageProvider: azure
        backupStorageConfig: {azureStorageAccount: acct, azureStorageContainer: c}
        """)));
    assertThat(azure.conditionType()).isEqualTo(MigStorageConditions.INVALID_STORAGE_PROVIDER);
    assertThat(azure.reason()).isEqualTo("NotSupported");
    assertThat(azure.getMessage()).contains("azure is not supported yet").contains("use aws");
    assertThat(failure(() -> mapper.map(storage("backupStorageProvider: gcp\n"))).getMessage())
        .contains("gcp is not supported yet");
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
