package dev.ferry.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleManifestsTest {
  private static final String NS = "openshift-migration";

  private static ObjectNode form(String json) {
    try {
      return (ObjectNode) Serialization.jsonMapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void remoteClusterKeepsItsTokenInASecretAndItsCaBase64() {
    String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    var objects = ConsoleManifests.cluster(form("""
        {"name": "src", "url": "https://api.example:6443/", "token": " t0ken ", "caBundle": %s,
         "insecure": false, "exposedRegistryPath": "registry.example"}""".formatted(
        Serialization.asJson(pem))), NS);
    assertThat(objects.tokenSecret().getMetadata().getNamespace()).isEqualTo("openshift-config");
    assertThat(objects.tokenSecret().getMetadata().getGenerateName()).isEqualTo("src-token-");
    assertThat(objects.tokenSecret().getStringData()).containsEntry("saToken", "t0ken");
    assertThat(objects.tokenSecret().getMetadata().getLabels()).containsEntry("ferry.dev/created-for", "migcluster.src");
    var spec = objects.cluster().getSpec();
    assertThat(spec.getUrl()).isEqualTo("https://api.example:6443");
    assertThat(spec.getIsHostCluster()).isFalse();
    assertThat(new String(Base64.getDecoder().decode(spec.getCaBundle()), StandardCharsets.UTF_8)).isEqualTo(pem.strip());
    assertThat(spec.getExposedRegistryPath()).isEqualTo("registry.example");
    assertThat(Serialization.asJson(objects.cluster())).doesNotContain("t0ken");
  }

  @Test
  void hostClusterNeedsNoSecret() {
    var objects = ConsoleManifests.cluster(form("{\"name\": \"host\", \"isHostCluster\": true}"), NS);
    assertThat(objects.tokenSecret()).isNull();
    assertThat(objects.cluster().getSpec().getIsHostCluster()).isTrue();
  }

  @Test
  void badClusterFormsSayWhichField() {
    assertThatThrownBy(() -> ConsoleManifests.cluster(form("{\"name\": \"Bad_Name\"}"), NS))
        .hasMessageContaining("name 'Bad_Name' is not a valid name");
    assertThatThrownBy(() -> ConsoleManifests.cluster(form("{\"name\": \"a\", \"url\": \"https://x\"}"), NS))
        .hasMessageContaining("token is required");
    assertThatThrownBy(() -> ConsoleManifests.cluster(form("{\"name\": \"a\", \"url\": \"ftp://x\", \"token\": \"t\"}"),
        NS)).hasMessageContaining("not an http(s) URL");
    assertThatThrownBy(() -> ConsoleManifests.cluster(form(
        "{\"name\": \"a\", \"url\": \"https://x\", \"token\": \"t\", \"caBundle\": \"junk\"}"), NS))
        .hasMessageContaining("not a PEM");
  }

  @Test
  void editsKeepTheSecretWhenNoNewCredentialIsGiven() {
    var cluster = ConsoleManifests.cluster(form("{\"name\": \"a\", \"url\": \"https://x\"}"), NS, false);
    assertThat(cluster.tokenSecret()).isNull();
    assertThat(cluster.cluster().getSpec().getUrl()).isEqualTo("https://x");
    var rotated = ConsoleManifests.cluster(form("{\"name\": \"a\", \"url\": \"https://x\", \"token\": \"new\"}"),
        NS, false);
    assertThat(rotated.tokenSecret().getStringData()).containsEntry("saToken", "new");
    var storage = ConsoleManifests.storage(form("""
        {"name": "repo", "provider": "aws", "config": {"awsBucketName": "b"},
         "credentials": {"aws-access-key-id": "", "aws-secret-access-key": ""}}"""), NS, false);
    assertThat(storage.credentials()).isNull();
    assertThatThrownBy(() -> ConsoleManifests.storage(form("""
        {"name": "repo", "provider": "aws", "config": {"awsBucketName": "b"}}"""), NS))
        .hasMessageContaining("Access key is required");
  }

  @Test
  void s3StorageFromTheProviderCatalog() {
    var objects = ConsoleManifests.storage(form("""
        {"name": "repo", "provider": "aws",
         "config": {"awsBucketName": "b", "awsS3Url": "http://127.0.0.1:9000", "awsS3ForcePathStyle": true,
                    "insecure": false, "awsRegion": ""},
         "credentials": {"aws-access-key-id": "AK", "aws-secret-access-key": "SK"}}"""), NS);
    assertThat(objects.credentials().getStringData()).containsEntry("aws-access-key-id", "AK")
        .containsEntry("aws-secret-access-key", "SK");
    String json = Serialization.asJson(objects.storage());
    assertThat(json).contains("\"backupStorageProvider\":\"aws\"").contains("\"awsBucketName\":\"b\"")
        .contains("\"awsS3ForcePathStyle\":true").doesNotContain("awsRegion").doesNotContain("insecure")
        .doesNotContain("SK");
  }

  @Test
  void azureAndGcpStorageWithVelerosCredentialKeys() {
    var azure = ConsoleManifests.storage(form("""
        {"name": "blob", "provider": "azure",
         "config": {"azureStorageAccount": "acct", "azureStorageContainer": "repo"},
         "credentials": {"AZURE_STORAGE_ACCOUNT_ACCESS_KEY": "KEY"}}"""), NS);
    assertThat(azure.credentials().getStringData()).containsEntry("AZURE_STORAGE_ACCOUNT_ACCESS_KEY", "KEY");
    assertThat(azure.storage().getSpec().getBackupStorageConfig().getAzureStorageContainer()).isEqualTo("repo");
    assertThat(Serialization.asJson(azure.storage())).contains("\"backupStorageProvider\":\"azure\"")
        .doesNotContain("KEY");

    var gcs = ConsoleManifests.storage(form("""
        {"name": "gcs", "provider": "gcp", "config": {"gcpBucket": "b"},
         "credentials": {"cloud": "{\\"type\\": \\"service_account\\"}"}}"""), NS);
    assertThat(gcs.credentials().getStringData()).containsKey("cloud");
    assertThat(gcs.storage().getSpec().getBackupStorageConfig().getGcpBucket()).isEqualTo("b");
    assertThatThrownBy(() -> ConsoleManifests.storage(form("""
        {"name": "gcs", "provider": "gcp", "config": {"gcpBucket": "b"}}"""), NS))
        .hasMessageContaining("Service-account key (JSON) is required");
  }

  @Test
  void filesystemStorageNeedsItsDirectoryAndNoSecret() {
    var objects = ConsoleManifests.storage(form(
        "{\"name\": \"repo\", \"provider\": \"filesystem\", \"config\": {\"filesystemPath\": \"/srv/repo\"}}"), NS);
    assertThat(objects.credentials()).isNull();
    assertThat(objects.storage().getSpec().getBackupStorageConfig().getFilesystemPath()).isEqualTo("/srv/repo");
    assertThatThrownBy(() -> ConsoleManifests.storage(form("{\"name\": \"repo\", \"provider\": \"filesystem\"}"), NS))
        .hasMessageContaining("Directory (filesystemPath) is required");
    assertThatThrownBy(() -> ConsoleManifests.storage(form("{\"name\": \"repo\", \"provider\": \"tape\"}"), NS))
        .hasMessageContaining("not one of [aws, azure, gcp, filesystem");
  }

  @Test
  void planWithRenamedNamespaces() {
    MigPlan plan = ConsoleManifests.plan(form("""
        {"name": "p", "sourceCluster": "src", "destinationCluster": "host", "storage": "repo",
         "namespaces": ["shop:shop-prod", "db"]}"""), NS);
    assertThat(plan.getSpec().getNamespaces()).containsExactly("shop:shop-prod", "db");
    assertThat(plan.getSpec().getSrcMigClusterRef().getNamespace()).isEqualTo(NS);
    assertThat(plan.getMetadata().getLabels()).containsEntry("controller-tools.k8s.io", "1.0");
  }

  @Test
  void namespaceChecks() {
    assertThatThrownBy(() -> ConsoleManifests.checkNamespaces(List.of())).hasMessageContaining("at least one");
    assertThatThrownBy(() -> ConsoleManifests.checkNamespaces(List.of("a", "a"))).hasMessageContaining("twice");
    assertThatThrownBy(() -> ConsoleManifests.checkNamespaces(List.of("a:c", "b:c")))
        .hasMessageContaining("two namespaces would land in c");
    assertThatThrownBy(() -> ConsoleManifests.checkNamespaces(List.of("A"))).hasMessageContaining("not a valid");
  }

  @Test
  void migrationsAsTheManualWritesThem() {
    MigMigration stage = ConsoleManifests.migration("p", NS, "stage", true, "20261207");
    assertThat(stage.getMetadata().getName()).isEqualTo("p-stage-20261207");
    assertThat(stage.getSpec().getStage()).isTrue();
    assertThat(stage.getSpec().getQuiescePods()).isFalse();
    MigMigration cutover = ConsoleManifests.migration("p", NS, "cutover", false, "1");
    assertThat(cutover.getSpec().getStage()).isFalse();
    assertThat(cutover.getSpec().getQuiescePods()).isFalse();
    assertThat(cutover.getSpec().getMigPlanRef().getName()).isEqualTo("p");
    MigMigration rollback = ConsoleManifests.migration("p", NS, "rollback", true, "2");
    assertThat(rollback.getSpec().getRollback()).isTrue();
    assertThatThrownBy(() -> ConsoleManifests.migration("p", NS, "yolo", true, "3")).hasMessageContaining("not stage");
  }
}
