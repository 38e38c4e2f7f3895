package dev.ferry.cli.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.storage.MigStorage;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What 'ferry migrate --source-context A --destination-context B' declares on B. */
class ContextPlanTest {

  @Test
  void sourceIsRemoteByUrlAndTokenDestinationIsTheHost() {
    MigStorage storage = ContextPlan.storage("openshift-migration", "p", "/var/repo", null, null);
    List<HasMetadata> objects = ContextPlan.manifests("openshift-migration", "p", "kind-Prod_East", "lab",
        new ContextPlan.Remote("https://10.0.0.1:6443", "Q0E=", false, "tok"), storage, List.of("shop:shop-prod"));
    assertThat(objects).extracting(HasMetadata::getKind)
        .containsExactly("Secret", "MigCluster", "MigCluster", "MigStorage", "MigPlan");
    Secret secret = (Secret) objects.get(0);
    assertThat(secret.getMetadata().getName()).isEqualTo("kind-prod-east-token");
    assertThat(secret.getStringData()).containsEntry("saToken", "tok");
    MigCluster host = (MigCluster) objects.get(1);
    assertThat(host.getMetadata().getName()).isEqualTo("lab");
    assertThat(host.getSpec().getIsHostCluster()).isTrue();
    MigCluster remote = (MigCluster) objects.get(2);
    assertThat(remote.getMetadata().getName()).isEqualTo("kind-prod-east");
    assertThat(remote.getSpec().getUrl()).isEqualTo("https://10.0.0.1:6443");
    assertThat(remote.getSpec().getCaBundle()).isEqualTo("Q0E=");
    assertThat(remote.getSpec().getServiceAccountSecretRef().getName()).isEqualTo("kind-prod-east-token");
    MigPlan plan = (MigPlan) objects.get(4);
    assertThat(plan.getSpec().getSrcMigClusterRef().getName()).isEqualTo("kind-prod-east");
    assertThat(plan.getSpec().getDestMigClusterRef().getName()).isEqualTo("lab");
    assertThat(plan.getSpec().getMigStorageRef().getName()).isEqualTo("p-repository");
    assertThat(plan.getSpec().getNamespaces()).containsExactly("shop:shop-prod");
    assertThat(storage.getSpec().getBackupStorageConfig().getFilesystemPath()).isEqualTo("/var/repo");
  }

  @Test
  void insecureSourceCarriesNoCaAndS3StorageUsesPathStyleWithAnEndpoint() {
    List<HasMetadata> objects = ContextPlan.manifests("ns", "p", "a", "b",
        new ContextPlan.Remote("https://a", "Q0E=", true, "t"),
        ContextPlan.storage("ns", "p", "s3://bucket-1", "http://127.0.0.1:9000",
            MigrationManifests.secretRef("creds")), List.of("x"));
    MigCluster remote = (MigCluster) objects.get(2);
    assertThat(remote.getSpec().getInsecure()).isTrue();
    assertThat(remote.getSpec().getCaBundle()).isNull();
    MigStorage storage = (MigStorage) objects.get(3);
    assertThat(storage.getSpec().getBackupStorageConfig().getAwsBucketName()).isEqualTo("bucket-1");
    assertThat(storage.getSpec().getBackupStorageConfig().getAwsS3ForcePathStyle()).isTrue();
    assertThat(storage.getSpec().getBackupStorageConfig().getCredsSecretRef().getName()).isEqualTo("creds");
    assertThat(ContextPlan.clusterName("---")).isEqualTo("cluster");
  }
}
