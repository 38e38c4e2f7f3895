package dev.ferry.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP server: the JDK's own {@link HttpServer} (no extra dependency, enough for one
 * user on loopback), serving the bundled single-page app from the jar, the JSON API under
 * {@code /api/} and the server-sent-events feed {@code /api/events}. Every response forbids
 * content from other origins (Content-Security-Policy), so the page makes no request elsewhere.
 */
public final class ConsoleServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
  /** Where the Vite build puts the app inside the jar. */
  static final String WEB_ROOT = "ferry-console-web";
  private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
      + "base-uri 'none'; form-action 'none'";
  private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml",
      "woff2", "font/woff2", "woff", "font/woff", "png", "image/png", "json", "application/json", "ico",
      "image/x-icon", "ttf", "font/ttf");

  private static final java.util.Set<String> COMPRESSIBLE = java.util.Set.of("js", "css", "html", "svg", "json");
  private final java.util.Map<String, byte[]> gzipped = new java.util.concurrent.ConcurrentHashMap<>();
  private final HttpServer server;
  private final ExecutorService threads;
  private final List<Route> routes;
  private final ChangeFeed feed;
  private final ObjectMapper json;
  private final RequestGuard guard;

  private ConsoleServer(HttpServer server, ExecutorService threads, List<Route> routes, ChangeFeed feed,
                        ObjectMapper json, RequestGuard guard) {
    this.server = server;
    this.threads = threads;
    this.routes = routes;
    this.feed = feed;
    this.json = json;
    this.guard = guard;
  }

  /** Starts serving {@code api} on {@code bindAddress:port} (port 0: any free port). */
  public static ConsoleServer start(ConsoleApi api, String bindAddress, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(bindAddress, port), 50);
    ExecutorService threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "ferry-console-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    int actual = server.getAddress().getPort();
    ConsoleServer console = new ConsoleServer(server, threads, api.routes(), api.feed(), api.json(),
        RequestGuard.forLoopback(bindAddress, actual));
    server.createContext("/", console::handle);
    server.start();
    return console;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The address to open in a browser. */
  public String url() {
    String host = server.getAddress().getAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      var headers = exchange.getResponseHeaders();
      headers.set("Content-Security-Policy", CSP);
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("Referrer-Policy", "no-referrer");
      headers.set("X-Frame-Options", "DENY");
      var request = exchange.getRequestHeaders();
      String refusal = guard.refusal(exchange.getRequestMethod(), request.getFirst("Host"),
          request.getFirst("Origin"), request.getFirst(RequestGuard.HEADER));
      if (refusal != null) {
        sendJson(exchange, 403, Map.of("error", refusal));
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/api/events")) {
        feed.stream(exchange);
      } else if (path.startsWith("/api/")) {
        api(exchange, path);
      } else {
        staticFile(exchange, path);
      }
    } catch (IOException e) {
      LOG.debug("console client went away: {}", e.getMessage());
    }
  }

  private void api(HttpExchange exchange, String path) throws IOException {
    String method = exchange.getRequestMethod();
    boolean pathMatched = false;
    for (Route route : routes) {
      Matcher m = route.path().matcher(path);
      if (!m.matches()) {
        continue;
      }
      pathMatched = true;
      if (!route.method().equals(method)) {
        continue;
      }
      try {
        Object result = route.handler().handle(new Call(exchange, m, json));
        if (result == null) {
          exchange.sendResponseHeaders(204, -1);
        } else {
          sendJson(exchange, "POST".equals(method) ? 201 : 200, result);
        }
      } catch (ApiError e) {
        sendJson(exchange, e.status(), Map.of("error", e.getMessage()));
      } catch (KubernetesClientException e) {
        int code = e.getCode() == 0 ? 502 : e.getCode();
        sendJson(exchange, code, Map.of("error", KubeErrors.message(e)));
      } catch (Exception e) {
        LOG.warn("console request {} {} failed", method, path, e);
        sendJson(exchange, 500, Map.of("error", String.valueOf(e.getMessage())));
      }
      return;
    }
    sendJson(exchange, pathMatched ? 405 : 404, Map.of("error", (pathMatched ? "method " + method
        + " not allowed on " : "no API at ") + path));
  }

  private void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void staticFile(HttpExchange exchange, String path) throws IOException {
    if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
      sendJson(exchange, 405, Map.of("error", "only GET here"));
      return;
    }
    boolean asset = path.startsWith("/assets/") && !path.contains("..");
    String resource = WEB_ROOT + (asset ? path : "/index.html");
    try (InputStream in = ConsoleServer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        byte[] missing = (asset ? "no such asset " + path
            : "the console's web app is not in this build (ferry-console was built without npm?)")
            .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(404, missing.length);
        exchange.getResponseBody().write(missing);
        return;
      }
      String extension = resource.substring(resource.lastIndexOf('.') + 1);
      byte[] bytes = in.readAllBytes();
      String accepts = exchange.getRequestHeaders().getFirst("Accept-Encoding");
      if (COMPRESSIBLE.contains(extension) && accepts != null && accepts.contains("gzip")) {
        // The bundle is ~1.8 MB of text; gzip (computed once per asset) makes it ~0.3 MB.
        bytes = gzipped.computeIfAbsent(resource, ConsoleServer::gzip);
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      }
      exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
      exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
      // Vite names assets by content hash: cache them for good; the page itself is always revalidated.
      exchange.getResponseHeaders().set("Cache-Control", asset ? "public, max-age=31536000, immutable" : "no-cache");
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private static byte[] gzip(String resource) {
    try (InputStream in = ConsoleServer.class.getClassLoader().getResourceAsStream(resource)) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
        in.transferTo(zip);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    feed.close();
    server.stop(0);
    threads.shutdownNow();
  }
}
