package dev.ferry.controller.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Turns a failed connection into a message a user can act on: unreachable, untrusted TLS
 * certificate, rejected token. Messages never contain the token: only the Secret's name.
 */
public final class ConnectFailures {
  private ConnectFailures() {
  }

  /**
   * @param endpoint   the API server URL
   * @param credential who connects, e.g. "the token in Secret openshift-config/src" or "the controller's
   *                   service account"
   * @param tokenSecret the Secret holding the token, or null for the host cluster
   */
  public static String explain(Throwable failure, String endpoint, String credential, String tokenSecret) {
    Integer code = httpCode(failure);
    if (code != null && code == 401) {
      return tokenSecret != null
          ? "the token in Secret " + tokenSecret + " was rejected by " + endpoint + " (401 Unauthorized): put a "
              + "current service-account token under key " + ClusterClients.TOKEN_KEY + " (tokens expire, and are "
              + "invalidated when their service account is deleted)"
          : credential + " was rejected by " + endpoint + " (401 Unauthorized)";
    }
    if (code != null && code == 403) {
      return credential + " may not read " + endpoint + "/version (403 Forbidden): bind its service account to "
          + "cluster-admin";
    }
    Throwable tls = find(failure, SSLException.class, CertificateException.class);
    if (tls != null) {
      return "the TLS handshake with " + endpoint + " failed (" + summary(tls) + "): set spec.caBundle to the "
          + "base64-encoded PEM of the CA that signed the API server's certificate, or spec.insecure: true to "
          + "skip verification (test clusters only)";
    }
    Throwable unknownHost = find(failure, UnknownHostException.class);
    if (unknownHost != null) {
      return "the host of " + endpoint + " cannot be resolved (" + summary(unknownHost) + "): check spec.url";
    }
    Throwable unreachable = find(failure, ConnectException.class, NoRouteToHostException.class,
        HttpConnectTimeoutException.class, HttpTimeoutException.class, TimeoutException.class);
    if (unreachable != null) {
      return endpoint + " is unreachable (" + summary(unreachable) + "): check spec.url and that the controller "
          + "can reach the API server (firewall, proxy, cluster up)";
    }
    if (code != null && code > 0) {
      return endpoint + " answered HTTP " + code + " (" + summary(failure) + ")";
    }
    return "connecting to " + endpoint + " failed: " + summary(failure);
  }

  private static Integer httpCode(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof KubernetesClientException k && k.getCode() > 0) {
        return k.getCode();
      }
    }
    return null;
  }

  @SafeVarargs
  private static Throwable find(Throwable failure, Class<? extends Throwable>... types) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(t)) {
          return t;
        }
      }
    }
    return null;
  }

  /** The innermost message, which is the informative one (fabric8 wraps causes in generic messages). */
  private static String summary(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    if (message == null || message.isBlank()) {
      message = t.getMessage();
    }
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }
}
