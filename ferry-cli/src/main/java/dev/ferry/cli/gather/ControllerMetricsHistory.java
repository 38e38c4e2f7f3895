package dev.ferry.cli.gather;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads the controller's {@code /metrics/history?since=WINDOW}: the scrapes it kept of the window
 * (every 30 s, up to 24 h) as one OpenMetrics series, for {@code prom_data.tar.gz}. Through the
 * metrics Service's API-server proxy, or next to {@code --metrics-url} for a controller outside
 * the cluster. Null (with a note) when the controller serves no history.
 */
final class ControllerMetricsHistory {
  private ControllerMetricsHistory() {
  }

  static String fetch(KubernetesClient host, String namespace, URI metricsUrl, String since, Gathering gathering) {
    String query = "?since=" + URLEncoder.encode(since, StandardCharsets.UTF_8);
    String text = null;
    try {
      if (metricsUrl != null) {
        URI url = historyUrl(metricsUrl, query);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IOException("HTTP " + response.statusCode() + " from " + url);
        }
        text = response.body();
      } else {
        text = host.raw("/api/v1/namespaces/" + namespace + "/services/" + MustGatherCommand.METRICS_SERVICE
            + ":metrics/proxy/metrics/history" + query);
      }
    } catch (IOException | RuntimeException e) {
      gathering.note("metrics: no /metrics/history of the controller (" + e.getMessage()
          + "); prom_data.tar.gz holds one scrape");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return text == null || !text.contains("# EOF") ? null : text;
  }

  /** {@code http://h:8080/metrics} → {@code http://h:8080/metrics/history?since=…}. */
  static URI historyUrl(URI metricsUrl, String query) {
    String path = metricsUrl.getPath() == null || metricsUrl.getPath().isEmpty() ? "/metrics" : metricsUrl.getPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (!path.endsWith("/metrics")) {
      path = path + "/metrics";
    }
    return metricsUrl.resolve(path + "/history" + query);
  }
}
