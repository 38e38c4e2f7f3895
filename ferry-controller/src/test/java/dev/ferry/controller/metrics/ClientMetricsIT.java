package dev.ferry.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.cluster.MigClusterSpec;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.migration.MigMigrationSpec;
import dev.ferry.api.migration.migration.MigMigrationStatus;
import dev.ferry.controller.FerryCrds;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.TestNamespace;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.Await;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Metrics of a metered client's requests to a real API server, scraped over HTTP from /metrics. */
@ExtendWith(TestbedExtension.class)
class ClientMetricsIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void requestsToTheApiServerAreScrapedWithMtcLabels(Testbed testbed, TestNamespace namespace) throws Exception {
    LocalCluster source = testbed.source();
    source.client().configMaps().inNamespace(namespace.name()).resource(new ConfigMapBuilder()
        .withNewMetadata().withName("settings").endMetadata().addToData("currency", "EUR").build()).create();
    ControllerMetrics metrics = new ControllerMetrics();

    try (KubernetesClient client = MeteredClients.build(source.adminConfig(), metrics);
         MetricsServer server = MetricsServer.start(metrics, InetAddress.getLoopbackAddress(), 0)) {
      RequestAttribution.run("MigPlan", "(*ReconcileMigPlan).Reconcile", () -> {
        assertThat(client.namespaces().list().getItems()).isNotEmpty();
        assertThat(client.configMaps().inNamespace(namespace.name()).withName("settings").get().getData())
            .containsEntry("currency", "EUR");
        assertThat(client.configMaps().inNamespace(namespace.name()).withName("missing").get()).isNull();
      });
      CountDownLatch seen = new CountDownLatch(1);
      try (var scope = RequestAttribution.open("MigCluster", "(*ReconcileMigCluster).Reconcile");
           Watch watch = client.configMaps().inNamespace(namespace.name()).watch(new Watcher<>() {
             @Override
             public void eventReceived(Action action, ConfigMap resource) {
               seen.countDown();
             }

             @Override
             public void onClose(WatcherException cause) {
             }
           })) {
        client.configMaps().inNamespace(namespace.name()).withName("settings")
            .edit(c -> new ConfigMapBuilder(c).addToData("region", "eu").build());
        assertThat(seen.await(30, TimeUnit.SECONDS)).isTrue();
      }

      ScrapedMetrics scraped = ScrapedMetrics.parse(get(server, "/metrics"));
      Map<String, String> plan = Map.of("cluster", source.url(), "component", "MigPlan",
          "function", "(*ReconcileMigPlan).Reconcile");
      assertThat(scraped.value("mtc_client_request_count", with(plan, "kind", "List"))).isEqualTo(1.0);
      assertThat(scraped.value("mtc_client_request_elapsed", with(plan, "kind", "List"))).isPositive();
      assertThat(scraped.value("mtc_client_request_count", with(plan, "kind", "ConfigMap"))).isEqualTo(2.0);
      assertThat(scraped.value("mtc_client_request_elapsed", with(plan, "kind", "ConfigMap"))).isPositive();

      // The watch (opened in the scope) is a List; the edit's get and update are ConfigMaps.
      Map<String, String> cluster = Map.of("cluster", source.url(), "component", "MigCluster",
          "function", "(*ReconcileMigCluster).Reconcile");
      assertThat(scraped.value("mtc_client_request_count", with(cluster, "kind", "List"))).isGreaterThanOrEqualTo(1.0);
      assertThat(scraped.value("mtc_client_request_elapsed", with(cluster, "kind", "List"))).isPositive();
      assertThat(scraped.value("mtc_client_request_count", with(cluster, "kind", "ConfigMap"))).isGreaterThanOrEqualTo(2.0);

      double count = scraped.find("mtc_client_request_count", Map.of()).stream().mapToDouble(s -> s.value()).sum();
      double elapsed = scraped.find("mtc_client_request_elapsed", Map.of()).stream().mapToDouble(s -> s.value()).sum();
      assertThat(count).isGreaterThanOrEqualTo(6.0);
      assertThat(elapsed / count).isPositive().isLessThan(30_000.0);
      assertThat(get(server, "/healthz")).isEqualTo("ok\n");
    }
  }

  @Test
  void remoteClusterClientsAreMetered(Testbed testbed, TestNamespace namespace) {
    LocalCluster source = testbed.source();
    KubernetesClient host = source.client();
    host.secrets().inNamespace(namespace.name()).resource(new SecretBuilder().withNewMetadata().withName("remote")
        .endMetadata().addToData(ClusterClients.TOKEN_KEY, base64(source.adminToken())).build()).create();
    MigCluster remote = new MigCluster();
    remote.setMetadata(new ObjectMetaBuilder().withName("remote").withNamespace(namespace.name()).withUid("u-1")
        .withGeneration(1L).build());
    remote.setSpec(new MigClusterSpec());
    remote.getSpec().setUrl(source.url());
    remote.getSpec().setCaBundle(base64(source.caPem()));
    remote.getSpec().setServiceAccountSecretRef(new ObjectReferenceBuilder().withName("remote").build());
    ControllerMetrics metrics = new ControllerMetrics();

    try (ClusterClients clusters = new ClusterClients(host, metrics)) {
      RequestAttribution.run("MigCluster", "(*ReconcileMigCluster).Reconcile",
          () -> clusters.forCluster(remote).namespaces().withName(namespace.name()).get());
    }

    // The Secret was read with the (unmetered) host client; the remote client's get is counted.
    ScrapedMetrics scraped = ScrapedMetrics.parse(metrics.scrape());
    assertThat(scraped.find("mtc_client_request_count", Map.of())).hasSize(1);
    assertThat(scraped.value("mtc_client_request_count", Map.of("cluster", source.url(), "component", "MigCluster",
        "function", "(*ReconcileMigCluster).Reconcile", "kind", "Namespace"))).isEqualTo(1.0);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void migrationsAreCountedFromTheirCrs(Testbed testbed, TestNamespace namespace) throws Exception {
    KubernetesClient host = testbed.source().client();
    FerryCrds.install(host);
    ControllerMetrics metrics = new ControllerMetrics();
    MigMigration created;
    try (MigrationCensus census = MigrationCensus.start(host, namespace.name(), metrics)) {
      MigMigration migration = new MigMigration();
      migration.setMetadata(new ObjectMetaBuilder().withName("stage-1").withNamespace(namespace.name()).build());
      migration.setSpec(new MigMigrationSpec());
      migration.getSpec().setStage(true);
      created = host.resource(migration).create();
      awaitMigrations(metrics, "stage", "idle", 1);

      created.setStatus(new MigMigrationStatus());
      created.getStatus().setPhase("BackupResources");
      created = host.resource(created).updateStatus();
      awaitMigrations(metrics, "stage", "running", 1);

      created.getStatus().setPhase("Completed");
      created = host.resource(created).updateStatus();
      awaitMigrations(metrics, "stage", "completed", 1);
      assertThat(census.hasSynced()).isTrue();

      host.resource(created).delete();
      awaitMigrations(metrics, "stage", "completed", 0);
    }
  }

  private static void awaitMigrations(ControllerMetrics metrics, String type, String status, double expected)
      throws InterruptedException {
    await(() -> ScrapedMetrics.parse(metrics.scrape())
        .value("cam_app_workload_migrations", Map.of("type", type, "status", status)) == expected,
        "cam_app_workload_migrations{type=" + type + ",status=" + status + "} == " + expected, metrics);
  }

  private static void await(BooleanSupplier condition, String what, ControllerMetrics metrics) {
    Await.until(what, Duration.ofSeconds(30), condition, () -> "scraped:\n" + metrics.scrape());
  }

  private String get(MetricsServer server, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static Map<String, String> with(Map<String, String> labels, String key, String value) {
    Map<String, String> copy = new HashMap<>(labels);
    copy.put(key, value);
    return copy;
  }
}
