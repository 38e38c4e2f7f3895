package dev.ferry.controller.cluster;

import static dev.ferry.controller.cluster.MigFixtures.NS;
import static dev.ferry.controller.cluster.MigFixtures.SECRETS_NS;
import static dev.ferry.controller.cluster.MigFixtures.await;
import static dev.ferry.controller.cluster.MigFixtures.condition;
import static dev.ferry.controller.cluster.MigFixtures.has;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.controller.FerryCrds;
import dev.ferry.controller.FerryOperator;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.RemoteAccess;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MigClusters against real API servers: the host cluster and a remote one (URL, token Secret,
 * CA bundle) become Ready; a rejected token, an untrusted certificate and a token without
 * permissions each give a Critical condition that says what to fix and never shows the token.
 */
@ExtendWith(TestbedExtension.class)
class MigClusterIT {

  @Test
  void hostClusterIsReadyAfterARealCheck(Testbed testbed) {
    KubernetesClient host = testbed.source().client();
    FerryCrds.install(host);
    String name = "host-" + MigFixtures.suffix();
    try (FerryOperator operator = new FerryOperator(host, NS, Clock.systemUTC()).start()) {
      MigFixtures.hostCluster(host, name);
      MigCluster cluster = await(host, MigCluster.class, name, has(Condition.READY));
      Condition ready = condition(cluster, Condition.READY);
      assertThat(ready.getCategory()).isEqualTo(Category.REQUIRED);
      assertThat(ready.getMessage()).isEqualTo("The cluster is ready.");
      assertThat(condition(cluster, MigClusterConditions.KUBERNETES_VERSION).getMessage()).contains("Kubernetes v1.");
    } finally {
      MigFixtures.delete(host, MigCluster.class, name);
    }
  }

  @Test
  void remoteClusterWithTokenAndCaBundleIsReadyAndRefreshIsReset(Testbed testbed) {
    KubernetesClient host = testbed.source().client();
    LocalCluster remote = testbed.destination();
    FerryCrds.install(host);
    String name = "remote-" + MigFixtures.suffix();
    try (FerryOperator operator = new FerryOperator(host, NS, Clock.systemUTC()).start()) {
      MigFixtures.remoteCluster(host, name, remote);
      host.resources(MigCluster.class).inNamespace(NS).withName(name).edit(c -> {
        c.getSpec().setExposedRegistryPath("registry.remote.example.com");
        return c;
      });
      MigCluster cluster = await(host, MigCluster.class, name, has(Condition.READY));
      assertThat(condition(cluster, MigClusterConditions.KUBERNETES_VERSION).getMessage()).contains(remote.url());

      host.resources(MigCluster.class).inNamespace(NS).withName(name).edit(c -> {
        c.getSpec().setRefresh(true);
        return c;
      });
      MigCluster refreshed = host.resources(MigCluster.class).inNamespace(NS).withName(name).waitUntilCondition(c ->
          Boolean.FALSE.equals(c.getSpec().getRefresh()) && c.getStatus().getRegistryPath() != null, 60,
          TimeUnit.SECONDS);
      assertThat(refreshed.getStatus().getRegistryPath()).isEqualTo("registry.remote.example.com");
      assertThat(refreshed.getStatus().conditions().ready()).isTrue();
    } finally {
      MigFixtures.delete(host, MigCluster.class, name);
      host.secrets().inNamespace(SECRETS_NS).withName(name).delete();
    }
  }

  @Test
  void rejectedTokenIsReportedWithoutTheToken(Testbed testbed) {
    KubernetesClient host = testbed.source().client();
    LocalCluster remote = testbed.destination();
    FerryCrds.install(host);
    String name = "badtoken-" + MigFixtures.suffix();
    String token = "not-a-valid-token-" + MigFixtures.suffix();
    try (FerryOperator operator = new FerryOperator(host, NS, Clock.systemUTC()).start()) {
      MigFixtures.tokenSecret(host, name, token);
      MigFixtures.remoteCluster(host, name, remote.url(), MigFixtures.caBundle(remote), name);
      MigCluster cluster = await(host, MigCluster.class, name, has(MigClusterConditions.TEST_CONNECT_FAILED));
      Condition failed = condition(cluster, MigClusterConditions.TEST_CONNECT_FAILED);
      assertThat(failed.getCategory()).isEqualTo(Category.CRITICAL);
      assertThat(failed.getMessage()).contains("the token in Secret " + SECRETS_NS + "/" + name + " was rejected")
          .doesNotContain(token);
      assertThat(cluster.getStatus().conditions().ready()).isFalse();
      assertThat(cluster.getStatus().getConditions()).noneMatch(c -> String.valueOf(c.getMessage()).contains(token));
    } finally {
      MigFixtures.delete(host, MigCluster.class, name);
      host.secrets().inNamespace(SECRETS_NS).withName(name).delete();
    }
  }

  @Test
  void untrustedCertificateAsksForTheCaBundle(Testbed testbed) {
    KubernetesClient host = testbed.source().client();
    LocalCluster remote = testbed.destination();
    FerryCrds.install(host);
    String name = "noca-" + MigFixtures.suffix();
    try (FerryOperator operator = new FerryOperator(host, NS, Clock.systemUTC()).start()) {
      MigFixtures.tokenSecret(host, name, RemoteAccess.clusterAdminToken(remote.client()));
      MigFixtures.remoteCluster(host, name, remote.url(), null, name);
      MigCluster cluster = await(host, MigCluster.class, name, has(MigClusterConditions.TEST_CONNECT_FAILED));
      assertThat(condition(cluster, MigClusterConditions.TEST_CONNECT_FAILED).getMessage()).contains("TLS")
          .contains("spec.caBundle").contains("spec.insecure");
    } finally {
      MigFixtures.delete(host, MigCluster.class, name);
      host.secrets().inNamespace(SECRETS_NS).withName(name).delete();
    }
  }

  @Test
  void aTokenWithoutPermissionsIsNotPrivileged(Testbed testbed) {
    KubernetesClient host = testbed.source().client();
    LocalCluster remote = testbed.destination();
    FerryCrds.install(host);
    String name = "viewer-" + MigFixtures.suffix();
    RemoteAccess.clusterAdminToken(remote.client()); // creates the namespace
    remote.client().serviceAccounts().inNamespace(RemoteAccess.NAMESPACE).resource(new ServiceAccountBuilder()
        .withNewMetadata().withName(name).endMetadata().build()).create();
    String token = remote.client().serviceAccounts().inNamespace(RemoteAccess.NAMESPACE).withName(name)
        .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
        .getStatus().getToken();
    try (FerryOperator operator = new FerryOperator(host, NS, Clock.systemUTC()).start()) {
      MigFixtures.tokenSecret(host, name, token);
      MigFixtures.remoteCluster(host, name, remote.url(), MigFixtures.caBundle(remote), name);
      MigCluster cluster = await(host, MigCluster.class, name, has(MigClusterConditions.SA_TOKEN_NOT_PRIVILEGED));
      Condition c = condition(cluster, MigClusterConditions.SA_TOKEN_NOT_PRIVILEGED);
      assertThat(c.getCategory()).isEqualTo(Category.CRITICAL);
      assertThat(c.getItems()).contains("delete persistentvolumes", "create namespaces",
          "list customresourcedefinitions.apiextensions.k8s.io");
      assertThat(c.getMessage()).contains("cluster-admin").doesNotContain(token);
      assertThat(cluster.getStatus().conditions().ready()).isFalse();
    } finally {
      MigFixtures.delete(host, MigCluster.class, name);
      host.secrets().inNamespace(SECRETS_NS).withName(name).delete();
      remote.client().serviceAccounts().inNamespace(RemoteAccess.NAMESPACE).withName(name).delete();
    }
  }

  @Test
  void aMissingSecretAndABadUrlAreReportedBeforeConnecting(Testbed testbed) {
    KubernetesClient host = testbed.source().client();
    FerryCrds.install(host);
    String name = "nosecret-" + MigFixtures.suffix();
    try (FerryOperator operator = new FerryOperator(host, NS, Clock.systemUTC()).start()) {
      MigFixtures.remoteCluster(host, name, "api.example.com:6443", null, name);
      MigCluster cluster = await(host, MigCluster.class, name,
          has(MigClusterConditions.MISSING_SERVICE_ACCOUNT_SECRET).and(has(MigClusterConditions.INVALID_URL)));
      assertThat(condition(cluster, MigClusterConditions.MISSING_SERVICE_ACCOUNT_SECRET).getMessage())
          .contains(SECRETS_NS + "/" + name).contains("does not exist");
      assertThat(condition(cluster, MigClusterConditions.INVALID_URL).getMessage()).contains("https://");
    } finally {
      MigFixtures.delete(host, MigCluster.class, name);
    }
  }
}
