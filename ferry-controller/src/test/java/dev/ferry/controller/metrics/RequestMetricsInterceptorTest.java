package dev.ferry.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestMetricsInterceptorTest {
  private final ControllerMetrics metrics = new ControllerMetrics();
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final RequestMetricsInterceptor interceptor = new RequestMetricsInterceptor(metrics, nanos::get);

  /** As fabric8 does: before() on a copy of the request, then the copy is built and sent. */
  private HttpRequest send(String method, String url) {
    HttpRequest.Builder builder = new StandardHttpRequest.Builder();
    builder.uri(url);
    if (!method.equals("GET")) {
      builder.method(method, "application/json", "{}");
    }
    interceptor.before(builder, builder.build(), null);
    return builder.build();
  }

  @Test
  void countsElapsedMillisWithTheAttributionOfTheSendingThread() {
    HttpRequest request;
    try (var scope = RequestAttribution.open("MigPlan", "(*ReconcileMigPlan).Reconcile")) {
      request = send("GET", "https://api.example.com:6443/api/v1/namespaces/shop/secrets/creds");
    }
    nanos.addAndGet(12_500_000L);
    interceptor.after(request, null, null); // on another thread, outside the scope
    HttpRequest list = send("GET", "https://api.example.com:6443/api/v1/namespaces");
    nanos.addAndGet(2_000_000L);
    interceptor.afterConnectionFailure(list, new IOException("refused"));

    ScrapedMetrics scraped = ScrapedMetrics.parse(metrics.scrape());
    Map<String, String> secret = Map.of("cluster", "https://api.example.com:6443", "component", "MigPlan",
        "function", "(*ReconcileMigPlan).Reconcile", "kind", "Secret");
    assertThat(scraped.value("mtc_client_request_count", secret)).isEqualTo(1.0);
    assertThat(scraped.value("mtc_client_request_elapsed", secret)).isEqualTo(12.5);
    Map<String, String> informer = Map.of("component", "Operator", "function", "informer", "kind", "List");
    assertThat(scraped.value("mtc_client_request_count", informer)).isEqualTo(1.0);
    assertThat(scraped.value("mtc_client_request_elapsed", informer)).isEqualTo(2.0);
  }

  @Test
  void oddNamesSurviveTheHeader() {
    HttpRequest request;
    try (var scope = RequestAttribution.open("Mig Plan;ü", "a;b=c%d")) {
      request = send("POST", "https://api.example.com/api/v1/namespaces/shop/configmaps");
    }
    assertThat(request.header(RequestMetricsInterceptor.HEADER)).matches("\\p{ASCII}+");
    interceptor.after(request, null, null);
    assertThat(ScrapedMetrics.parse(metrics.scrape()).value("mtc_client_request_count", Map.of(
        "cluster", "https://api.example.com:443", "component", "Mig Plan;ü", "function", "a;b=c%d",
        "kind", "ConfigMap"))).isEqualTo(1.0);
  }

  @Test
  void aRequestWithoutTheHeaderStillCounts() {
    HttpRequest request = new StandardHttpRequest.Builder().uri("http://kube.example/api/v1/pods").build();
    interceptor.after(request, null, null);
    assertThat(ScrapedMetrics.parse(metrics.scrape()).value("mtc_client_request_count", Map.of(
        "cluster", "http://kube.example:80", "component", "Operator", "kind", "List"))).isEqualTo(1.0);
  }

  @Test
  void clusterIsSchemeHostAndPort() {
    assertThat(RequestMetricsInterceptor.cluster(URI.create("https://cluster-url.com/api"))).isEqualTo(
        "https://cluster-url.com:443");
    assertThat(RequestMetricsInterceptor.cluster(URI.create("https://127.0.0.1:6443/api/v1?x=1"))).isEqualTo(
        "https://127.0.0.1:6443");
    assertThat(RequestMetricsInterceptor.cluster(URI.create("HTTP://[::1]:8001/"))).isEqualTo("http://[::1]:8001");
  }
}
