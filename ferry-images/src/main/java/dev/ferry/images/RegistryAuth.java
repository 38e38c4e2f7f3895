package dev.ferry.images;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Authorization header for a request to one registry: a token learned from a bearer
 * challenge (per scope, fetched from the challenge's realm), basic credentials once a basic
 * challenge asked for them, or a static bearer token (OpenShift's service-account token).
 */
final class RegistryAuth {
  private final RegistryEndpoint endpoint;
  private final RegistryHttp http;
  /** Authorization header value per token scope, learned from challenges. */
  private final Map<String, String> authorizations = new ConcurrentHashMap<>();
  private volatile String basicAuthorization;

  RegistryAuth(RegistryEndpoint endpoint, RegistryHttp http) {
    this.endpoint = endpoint;
    this.http = http;
  }

  String authorization(String scope) {
    String learned = authorizations.get(scope);
    if (learned != null) {
      return learned;
    }
    if (basicAuthorization != null) {
      return basicAuthorization;
    }
    if (endpoint.credentials() instanceof RegistryCredentials.Bearer bearer) {
      // OpenShift's registry accepts a service-account token as a bearer token directly.
      return "Bearer " + bearer.token();
    }
    return null;
  }

  /** Learns credentials for {@code scope} from a challenge; false if there is nothing more to try. */
  boolean authenticate(AuthChallenge challenge, String scope, String what) {
    RegistryCredentials credentials = endpoint.credentials();
    if (challenge.isBasic()) {
      if (credentials instanceof RegistryCredentials.Basic basic) {
        basicAuthorization = basicHeader(basic.username(), basic.password());
        return true;
      }
      return false;
    }
    if (challenge.isBearer() && challenge.realm() != null) {
      authorizations.put(scope, "Bearer " + fetchToken(challenge, scope, what));
      return true;
    }
    return false;
  }

  private String fetchToken(AuthChallenge challenge, String scope, String what) {
    StringBuilder q = new StringBuilder(challenge.realm());
    q.append(challenge.realm().contains("?") ? '&' : '?');
    if (challenge.params().containsKey("service")) {
      q.append("service=").append(RegistryHttp.enc(challenge.params().get("service"))).append('&');
    }
    for (String s : scope.split(" ")) {
      q.append("scope=").append(RegistryHttp.enc(s)).append('&');
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(q.substring(0, q.length() - 1)))
        .timeout(RegistryHttp.METADATA_TIMEOUT).GET();
    if (endpoint.credentials() instanceof RegistryCredentials.Basic basic) {
      b.header("Authorization", basicHeader(basic.username(), basic.password()));
    } else if (endpoint.credentials() instanceof RegistryCredentials.Bearer bearer) {
      // Token services of OpenShift's registry take a service-account token as the basic-auth password.
      b.header("Authorization", basicHeader("ferry", bearer.token()));
    }
    HttpResponse<String> r = http.sendPlain(b.build(), BodyHandlers.ofString(), what);
    if (r.statusCode() != 200) {
      throw http.failure(r.statusCode(), "", what, "getting a token (from " + challenge.realm() + ") for");
    }
    try {
      JsonNode node = RegistryHttp.JSON.readTree(r.body());
      String token = node.path("token").asText(node.path("access_token").asText(""));
      if (token.isEmpty()) {
        throw new ImageException("the token service " + challenge.realm() + " of registry " + endpoint.host()
            + " returned no token for " + what);
      }
      return token;
    } catch (IOException e) {
      throw new ImageException("the token service " + challenge.realm() + " of registry " + endpoint.host()
          + " returned invalid JSON for " + what, e);
    }
  }

  private static String basicHeader(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
