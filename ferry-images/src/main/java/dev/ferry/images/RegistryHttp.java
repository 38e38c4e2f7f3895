package dev.ferry.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * The HTTP side of one registry: requests with the authorization {@link RegistryAuth} learned
 * (answering one 401 challenge per request), connection problems and HTTP errors turned into
 * messages that say what to check.
 */
final class RegistryHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration METADATA_TIMEOUT = Duration.ofSeconds(60);

  private final RegistryEndpoint endpoint;
  private final HttpClient http;
  private final RegistryAuth auth;

  RegistryHttp(RegistryEndpoint endpoint) {
    this.endpoint = endpoint;
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER);
    if (!endpoint.plainHttp()) {
      builder.sslContext(RegistryTls.sslContext(endpoint));
    }
    this.http = builder.build();
    this.auth = new RegistryAuth(endpoint, this);
  }

  String host() {
    return endpoint.host();
  }

  /** A replayable request body (re-sent after an authentication challenge). */
  interface Body {
    BodyPublisher publisher();

    default boolean replayable() {
      return true;
    }
  }

  <T> HttpResponse<T> send(String method, URI uri, String scope, Map<String, String> headers, Body body,
      BodyHandler<T> handler, String what) {
    for (int attempt = 0; ; attempt++) {
      HttpRequest.Builder b = HttpRequest.newBuilder(uri)
          .method(method, body == null ? BodyPublishers.noBody() : body.publisher());
      if (!"PATCH".equals(method) && !"PUT".equals(method) || body == null) {
        b.timeout(METADATA_TIMEOUT);
      }
      headers.forEach(b::header);
      String authorization = auth.authorization(scope);
      if (authorization != null) {
        b.header("Authorization", authorization);
      }
      HttpResponse<T> r = sendPlain(b.build(), handler, what);
      if (r.statusCode() != 401 || attempt > 0 || body != null && !body.replayable()) {
        return r;
      }
      String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
      if (r.body() instanceof InputStream in) {
        closeQuietly(in);
      }
      if (!auth.authenticate(AuthChallenge.parse(challenge), scope, what)) {
        return r;
      }
    }
  }

  <T> HttpResponse<T> sendPlain(HttpRequest request, BodyHandler<T> handler, String what) {
    try {
      return http.send(request, handler);
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw new ImageException("registry " + host() + " is unreachable (" + describe(e) + ") while handling " + what
          + ": check that the registry runs and that its address (a MigCluster's exposedRegistryPath) is right "
          + "and reachable from the controller", e);
    } catch (HttpTimeoutException e) {
      throw new ImageException("registry " + host() + " did not answer in time while handling " + what
          + ": check the registry's health and load", e);
    } catch (SSLException e) {
      throw new ImageException("TLS with registry " + host() + " failed (" + e.getMessage() + ") while handling "
          + what + ": give the registry's CA certificate, or mark it insecure if it has no valid certificate", e);
    } catch (IOException e) {
      throw new ImageException("the connection to registry " + host() + " failed (" + describe(e)
          + ") while handling " + what + ": check the registry and retry", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageException("interrupted while handling " + what, e);
    }
  }

  ImageException failure(int status, String detail, String what, String doing) {
    String d = detail == null || detail.isBlank() ? "" : ": " + detail;
    return switch (status) {
      case 401 -> new ImageException("registry " + host() + " refused " + doing + " " + what + " (HTTP 401, "
          + "not authenticated with " + endpoint.credentials() + d + "): check the credentials, e.g. the "
          + "MigCluster's service-account token");
      case 403 -> new ImageException("registry " + host() + " denied " + doing + " " + what + " (HTTP 403" + d
          + "): the credentials (" + endpoint.credentials() + ") lack pull/push permission there; grant it "
          + "(for OpenShift: system:image-builder/puller on the namespace)");
      case 404 -> new ImageException(what + " does not exist (HTTP 404 while " + doing + " it" + d
          + "): check the image name, tag or digest, or push the image again");
      default -> new ImageException("registry " + host() + " failed " + doing + " " + what + " (HTTP " + status
          + d + "): check the registry's logs and retry");
    };
  }

  /** The registry's error codes and messages ("MANIFEST_UNKNOWN: manifest unknown"). */
  static String errorBody(Object body) {
    String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
    try {
      JsonNode errors = JSON.readTree(text).path("errors");
      StringBuilder out = new StringBuilder();
      for (JsonNode e : errors) {
        out.append(out.isEmpty() ? "" : "; ").append(e.path("code").asText()).append(' ')
            .append(e.path("message").asText());
      }
      return out.toString();
    } catch (IOException | RuntimeException e) {
      return text.length() > 200 ? text.substring(0, 200) : text;
    }
  }

  static String readErrorQuietly(InputStream in) {
    try (in) {
      return errorBody(new String(in.readNBytes(4096), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return "";
    }
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  URI uri(String path) {
    return URI.create(endpoint.baseUrl() + path);
  }

  static String pull(String repo) {
    return "repository:" + repo + ":pull";
  }

  static String push(String repo) {
    return "repository:" + repo + ":pull,push";
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // nothing to do
    }
  }
}
