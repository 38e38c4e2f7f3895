package dev.ferry.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

  @Test
  void servesItsOwnScrapesOfTheWindowAsOneOpenMetricsSeries() throws Exception {
    ControllerMetrics metrics = new ControllerMetrics();
    metrics.record("m1", false, "running");
    MetricsHistory history = new MetricsHistory();
    Instant now = Instant.parse("2026-12-07T22:00:00Z");
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    history.record(now.minus(Duration.ofHours(2)), metrics.scrape());
    history.record(now.minus(Duration.ofMinutes(40)), metrics.scrape());
    metrics.record("m2", false, "running");
    // Started with a history and an interval, the server keeps a scrape at once (then one per interval).
    try (MetricsServer server = MetricsServer.start(metrics::scrape,
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), history, Duration.ofHours(1), clock)) {
      assertThat(history.size()).isEqualTo(3);

      HttpResponse<String> series = send(server, "GET", "/metrics/history?since=1h");
      assertThat(series.statusCode()).isEqualTo(200);
      assertThat(series.headers().firstValue("Content-Type")).hasValue(OpenMetricsSeries.CONTENT_TYPE);
      String forty = (now.getEpochSecond() - 2400) + ".000";
      String at = now.getEpochSecond() + ".000";
      assertThat(series.body())
          .contains("cam_app_workload_migrations{status=\"running\",type=\"final\"} 1.0 " + forty + "\n")
          .contains("cam_app_workload_migrations{status=\"running\",type=\"final\"} 2.0 " + at + "\n")
          .containsOnlyOnce("# TYPE cam_app_workload_migrations ")
          .doesNotContain(" " + (now.getEpochSecond() - 7200) + ".000")
          .endsWith("# EOF\n");
      assertThat(send(server, "GET", "/metrics/history").body())
          .contains(" " + (now.getEpochSecond() - 7200) + ".000");
      HttpResponse<String> bad = send(server, "GET", "/metrics/history?since=yesterday");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("since='yesterday' is not a duration");
    }
    // The controller's own start (ControllerMain, ferry controller) keeps a history from the start.
    try (MetricsServer server = MetricsServer.start(metrics, InetAddress.getLoopbackAddress(), 0)) {
      HttpResponse<String> kept = send(server, "GET", "/metrics/history?since=1h");
      assertThat(kept.statusCode()).isEqualTo(200);
      assertThat(kept.body()).contains("cam_app_workload_migrations{").endsWith("# EOF\n");
    }
  }
}
