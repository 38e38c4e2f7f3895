package dev.ferry.cli.cluster;

import dev.ferry.cli.CliRun;
import dev.ferry.cli.CrdInstaller;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.LoopbackPorts;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.Await;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The ferry command against real clusters: installs CRDs, and fails clearly when it cannot. */
@ExtendWith(TestbedExtension.class)
class CliClusterIT {

  @Test
  void crdsInstallServesAllFifteenKindsWithTheirDescriptions(Testbed testbed, @TempDir Path dir) {
    LocalCluster cluster = testbed.destination();
    Path kubeconfig = dir.resolve("kubeconfig");
    cluster.writeKubeconfig(kubeconfig);
    CliRun run = CliRun.of("crds", "install", "--kubeconfig", kubeconfig.toString(), "--context", cluster.name());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(16);
    List<CustomResourceDefinition> crds = cluster.client().apiextensions().v1().customResourceDefinitions().list()
        .getItems().stream().filter(c -> c.getSpec().getGroup().equals("migration.openshift.io")
            || c.getSpec().getGroup().equals("velero.io")).toList();
    assertThat(crds).hasSize(15).allSatisfy(c -> assertThat(CrdInstaller.established(c)).isTrue());
    // What 'kubectl explain migplan.spec' reads: the published OpenAPI v3 schema with descriptions.
    // The aggregated OpenAPI document is rebuilt shortly after a CRD changes.
    String openApi = Await.until("the OpenAPI v3 document of migration.openshift.io/v1alpha1",
        Duration.ofSeconds(30), Duration.ofMillis(500),
        () -> cluster.client().raw("/openapi/v3/apis/migration.openshift.io/v1alpha1"), Objects::nonNull, x -> { });
    assertThat(openApi).contains("srcMigClusterRef").contains("indirectVolumeMigration")
        .contains("If true, direct volume migration is disabled");
    // Idempotent: a second install changes nothing and succeeds.
    assertThat(CliRun.of("crds", "install", "--kubeconfig", kubeconfig.toString()).exitCode()).isZero();
  }

  @Test
  void unreachableClusterIsOneLine(@TempDir Path dir) throws Exception {
    int closedPort = LoopbackPorts.next();
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters: [{name: gone, cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}}]
        users: [{name: u, user: {token: t}}]
        contexts: [{name: gone, context: {cluster: gone, user: u}}]
        current-context: gone
        """.formatted(closedPort));
    CliRun run = CliRun.of("crds", "install", "--kubeconfig", kubeconfig.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).startsWith("ferry: error: cannot reach the cluster").contains("API server is running");

    CliRun debug = CliRun.of("crds", "install", "--kubeconfig", kubeconfig.toString(), "--debug");
    assertThat(debug.err()).contains("\tat ");
  }

  @Test
  void missingPermissionSaysWhatIsMissing(Testbed testbed, @TempDir Path dir) throws Exception {
    LocalCluster cluster = testbed.destination();
    String ns = "cli-nobody";
    if (cluster.client().namespaces().withName(ns).get() == null) {
      cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
    }
    cluster.client().serviceAccounts().inNamespace(ns).resource(new ServiceAccountBuilder().withNewMetadata()
        .withName("nobody").endMetadata().build()).serverSideApply();
    String token = cluster.client().serviceAccounts().inNamespace(ns).withName("nobody")
        .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(600L).endSpec().build())
        .getStatus().getToken();
    Path kubeconfig = dir.resolve("kubeconfig");
    cluster.writeKubeconfig(kubeconfig);
    Files.writeString(kubeconfig, Files.readString(kubeconfig).replace(cluster.adminToken(), token));
    CliRun run = CliRun.of("crds", "install", "--kubeconfig", kubeconfig.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).startsWith("ferry: error: permission denied (403)")
        .contains("system:serviceaccount:cli-nobody:nobody")
        .contains("customresourcedefinitions")
        .doesNotContain(token);

    Files.writeString(kubeconfig, Files.readString(kubeconfig).replace(token, "forged-token"));
    CliRun forged = CliRun.of("crds", "install", "--kubeconfig", kubeconfig.toString());
    assertThat(forged.err()).startsWith("ferry: error: the cluster rejected the credentials (401 Unauthorized)");
  }
}
