package dev.ferry.controller.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /metrics} (Prometheus text format 0.0.4) and {@code GET /healthz} over plain
 * HTTP, for Prometheus (a ServiceMonitor) and the pod's probes, and {@code GET
 * /metrics/history?since=1h}: the controller's own scrapes of the window (one every
 * {@link MetricsHistory#INTERVAL}, kept for up to {@link MetricsHistory#RETENTION}) as one
 * OpenMetrics text with timestamps, which {@code ferry must-gather --metrics} puts into
 * {@code prom_data.tar.gz} for {@code promtool tsdb create-blocks-from openmetrics}. Port 0
 * binds an ephemeral port; {@link #port()} tells which.
 */
public final class MetricsServer implements AutoCloseable {
  public static final int DEFAULT_PORT = 8080;
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  public static final String HISTORY_PATH = "/metrics/history";
  private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

  private final HttpServer server;
  private final ExecutorService executor;
  private final ScheduledExecutorService sampler;

  private MetricsServer(HttpServer server, ExecutorService executor, ScheduledExecutorService sampler) {
    this.server = server;
    this.executor = executor;
    this.sampler = sampler;
  }

  /** Serves {@code metrics} on every interface (as in a pod) at {@code port}. */
  public static MetricsServer start(ControllerMetrics metrics, int port) {
    return start(metrics, new InetSocketAddress(port));
  }

  public static MetricsServer start(ControllerMetrics metrics, InetAddress address, int port) {
    return start(metrics, new InetSocketAddress(address, port));
  }

  public static MetricsServer start(ControllerMetrics metrics, InetSocketAddress address) {
    return start(metrics::scrape, address, new MetricsHistory(), MetricsHistory.INTERVAL, Clock.systemUTC());
  }

  static MetricsServer start(Supplier<String> scrape, InetSocketAddress address) {
    return start(scrape, address, null, null, Clock.systemUTC());
  }

  /**
   * With a {@code history}, one scrape is kept at once and then every {@code interval} (none when
   * {@code interval} is null: the caller records), and {@code /metrics/history} serves them.
   */
  static MetricsServer start(Supplier<String> scrape, InetSocketAddress address, MetricsHistory history,
                             Duration interval, Clock clock) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on " + address + ": " + e.getMessage(), e);
    }
    // Two threads: scrapes are rare and cheap; one slow client must not block the probes.
    ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
      Thread thread = new Thread(r, "ferry-metrics-http");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", exchange -> handle(exchange, scrape, history, clock));
    ScheduledExecutorService sampler = null;
    if (history != null && interval != null) {
      Runnable sample = () -> {
        try {
          history.record(Instant.now(clock), scrape.get());
        } catch (RuntimeException e) {
          LOG.warn("keeping a scrape for /metrics/history failed: {}", e.toString());
        }
      };
      sample.run();
      sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ferry-metrics-history");
        thread.setDaemon(true);
        return thread;
      });
      sampler.scheduleAtFixedRate(sample, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }
    server.start();
    MetricsServer started = new MetricsServer(server, executor, sampler);
    LOG.info("serving /metrics and /healthz on {}", server.getAddress());
    return started;
  }

  private static void handle(HttpExchange exchange, Supplier<String> scrape, MetricsHistory history, Clock clock)
      throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      boolean historyPath = path.equals(HISTORY_PATH) && history != null;
      if (!path.equals("/metrics") && !path.equals("/healthz") && !historyPath) {
        respond(exchange, 404, "text/plain; charset=utf-8", "not found; try /metrics, " + HISTORY_PATH
            + "?since=1h or /healthz\n");
        return;
      }
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
        return;
      }
      if (path.equals("/healthz")) {
        respond(exchange, 200, "text/plain; charset=utf-8", "ok\n");
        return;
      }
      if (historyPath) {
        Duration window;
        try {
          window = HistoryWindow.parse(HistoryWindow.sinceParameter(exchange.getRequestURI().getRawQuery()));
        } catch (IllegalArgumentException e) {
          respond(exchange, 400, "text/plain; charset=utf-8", e.getMessage() + "\n");
          return;
        }
        respond(exchange, 200, OpenMetricsSeries.CONTENT_TYPE,
            history.openMetrics(Instant.now(clock).minus(window)));
        return;
      }
      String body;
      try {
        body = scrape.get();
      } catch (RuntimeException e) {
        LOG.warn("scraping metrics failed", e);
        respond(exchange, 500, "text/plain; charset=utf-8", "scraping metrics failed: " + e.getMessage() + "\n");
        return;
      }
      respond(exchange, 200, CONTENT_TYPE, body);
    }
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The bound port (the ephemeral one chosen when started with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    if (sampler != null) {
      sampler.shutdownNow();
    }
    server.stop(0);
    executor.shutdownNow();
  }
}
