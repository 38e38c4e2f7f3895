package dev.ferry.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(MetricsServer server, String method, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesMetricsAndHealth() throws Exception {
    ControllerMetrics metrics = new ControllerMetrics();
    metrics.record("m", false, "running");
    try (MetricsServer server = MetricsServer.start(metrics, InetAddress.getLoopbackAddress(), 0)) {
      assertThat(server.port()).isPositive();

      HttpResponse<String> scrape = send(server, "GET", "/metrics");
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
      assertThat(scrape.body()).contains("cam_app_workload_migrations{status=\"running\",type=\"final\"} 1.0\n");

      HttpResponse<String> health = send(server, "GET", "/healthz");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("ok\n");

      assertThat(send(server, "HEAD", "/metrics").statusCode()).isEqualTo(200);
      assertThat(send(server, "POST", "/metrics").statusCode()).isEqualTo(405);
      assertThat(send(server, "GET", "/").statusCode()).isEqualTo(404);
      assertThat(send(server, "GET", "/metricsx").statusCode()).isEqualTo(404);
    }
  }
}
