package dev.ferry.controller.metrics;

import dev.ferry.controller.metrics.RequestAttribution.Attribution;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Counts every request a fabric8 client sends into {@link ControllerMetrics}. The request's
 * start time and {@link RequestAttribution} are taken in {@link #before}, on the caller's thread,
 * and carried to {@link #after} (which runs on an HTTP client thread) in a request header: fabric8
 * builds a new request object, with a new id, after {@code before}, so nothing else links the two.
 * The elapsed time runs until the response's headers arrive (for a watch, until it is open).
 */
public final class RequestMetricsInterceptor implements Interceptor {
  /** Sent to the API server, which ignores it: {@code <nanoTime>;<component>;<function>}, URL-encoded parts. */
  public static final String HEADER = "X-Ferry-Request-Metrics";
  public static final String NAME = "ferry-metrics";

  private final ControllerMetrics metrics;
  private final LongSupplier nanoTime;

  public RequestMetricsInterceptor(ControllerMetrics metrics) {
    this(metrics, System::nanoTime);
  }

  RequestMetricsInterceptor(ControllerMetrics metrics, LongSupplier nanoTime) {
    this.metrics = metrics;
    this.nanoTime = nanoTime;
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    Attribution who = RequestAttribution.current();
    builder.setHeader(HEADER, nanoTime.getAsLong() + ";" + encode(who.component()) + ";" + encode(who.function()));
  }

  @Override
  public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
    record(request);
  }

  @Override
  public void afterConnectionFailure(HttpRequest request, Throwable failure) {
    record(request); // it was sent (or tried) and took time, like any other
  }

  private void record(HttpRequest request) {
    if (request == null || request.uri() == null) {
      return;
    }
    long now = nanoTime.getAsLong();
    Stamp stamp = Stamp.parse(request.header(HEADER), now);
    metrics.recordRequest(cluster(request.uri()), stamp.who().component(), stamp.who().function(),
        RequestKinds.of(request.method(), request.uri()), (now - stamp.startNanos()) / 1_000_000.0);
  }

  /** The {@code cluster} label: {@code scheme://host:port} of the API server. */
  public static String cluster(URI uri) {
    String scheme = uri.getScheme() == null ? "https" : uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : "http".equals(scheme) ? 80 : 443;
    String host = uri.getHost() != null ? uri.getHost() : String.valueOf(uri.getAuthority());
    return scheme + "://" + host + ":" + port;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8); // header values must stay ASCII
  }

  /** What {@link #before} left in the header; a request without it counts as now, unattributed. */
  record Stamp(long startNanos, Attribution who) {
    static Stamp parse(String header, long now) {
      if (header != null) {
        String[] parts = header.split(";", 3);
        if (parts.length == 3) {
          try {
            return new Stamp(Long.parseLong(parts[0]), new Attribution(
                URLDecoder.decode(parts[1], StandardCharsets.UTF_8), URLDecoder.decode(parts[2], StandardCharsets.UTF_8)));
          } catch (IllegalArgumentException malformed) {
            // fall through
          }
        }
      }
      return new Stamp(now, RequestAttribution.DEFAULT);
    }
  }
}
