package dev.ferry.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A real fabric8 client against a stand-in API server on the loopback interface. */
class MeteredClientsTest {
  @Test
  void everyRequestOfAMeteredClientIsCounted() throws Exception {
    List<String> stamps = new CopyOnWriteArrayList<>();
    HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    api.createContext("/", exchange -> {
      stamps.add(exchange.getRequestHeaders().getFirst(RequestMetricsInterceptor.HEADER));
      String path = exchange.getRequestURI().getPath();
      String body = path.endsWith("/namespaces")
          ? "{\"apiVersion\":\"v1\",\"kind\":\"NamespaceList\",\"metadata\":{},\"items\":[]}"
          : "{\"apiVersion\":\"v1\",\"kind\":\"Status\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(path.endsWith("/namespaces") ? 200 : 404, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    api.start();
    String url = "http://127.0.0.1:" + api.getAddress().getPort();
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl(url).withRequestRetryBackoffLimit(0).build();
    ControllerMetrics metrics = new ControllerMetrics();
    try (KubernetesClient client = MeteredClients.build(config, metrics)) {
      RequestAttribution.run("MigCluster", "(*ReconcileMigCluster).Reconcile", () -> {
        client.namespaces().list();
        assertThat(client.configMaps().inNamespace("shop").withName("settings").get()).isNull();
      });
      client.namespaces().list();
    } finally {
      api.stop(0);
    }

    assertThat(stamps).hasSize(3).allSatisfy(s -> assertThat(s).isNotNull());
    ScrapedMetrics scraped = ScrapedMetrics.parse(metrics.scrape());
    String cluster = "http://127.0.0.1:" + url.substring(url.lastIndexOf(':') + 1);
    Map<String, String> reconcile = Map.of("cluster", cluster, "component", "MigCluster",
        "function", "(*ReconcileMigCluster).Reconcile");
    assertThat(scraped.value("mtc_client_request_count", with(reconcile, "kind", "List"))).isEqualTo(1.0);
    assertThat(scraped.value("mtc_client_request_count", with(reconcile, "kind", "ConfigMap"))).isEqualTo(1.0);
    assertThat(scraped.value("mtc_client_request_elapsed", with(reconcile, "kind", "ConfigMap"))).isPositive();
    assertThat(scraped.value("mtc_client_request_count", Map.of("cluster", cluster, "component", "Operator",
        "function", "informer", "kind", "List"))).isEqualTo(1.0);
  }

  private static Map<String, String> with(Map<String, String> labels, String key, String value) {
    var copy = new java.util.HashMap<>(labels);
    copy.put(key, value);
    return copy;
  }
}
