package dev.ferry.controller.cluster;

import static dev.ferry.controller.cluster.MigClusterConditions.INVALID_CA_BUNDLE;
import static dev.ferry.controller.cluster.MigClusterConditions.INVALID_URL;
import static dev.ferry.controller.cluster.MigClusterConditions.MISSING_SERVICE_ACCOUNT_SECRET;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.cluster.MigClusterSpec;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * What can be wrong with a MigCluster before connecting: pure, given the Secret its
 * serviceAccountSecretRef names (null when absent). The host cluster needs none of it.
 */
public final class ClusterSpecCheck {
  private ClusterSpecCheck() {
  }

  /** The namespace of the token Secret: the reference's, else the MigCluster's. */
  public static String secretNamespace(MigCluster cluster) {
    ObjectReference ref = cluster.getSpec() == null ? null : cluster.getSpec().getServiceAccountSecretRef();
    return ref == null || ref.getNamespace() == null || ref.getNamespace().isBlank()
        ? cluster.getMetadata().getNamespace() : ref.getNamespace();
  }

  public static boolean isHost(MigCluster cluster) {
    return cluster.getSpec() != null && Boolean.TRUE.equals(cluster.getSpec().getIsHostCluster());
  }

  /** Critical conditions for problems found without connecting; empty when a connection may be tried. */
  public static List<Condition> problems(MigCluster cluster, Secret secret) {
    List<Condition> found = new ArrayList<>();
    if (isHost(cluster)) {
      return found;
    }
    MigClusterSpec spec = cluster.getSpec() == null ? new MigClusterSpec() : cluster.getSpec();
    String name = cluster.getMetadata().getName();
    String urlProblem = urlProblem(spec.getUrl());
    if (urlProblem != null) {
      found.add(Condition.of(INVALID_URL, Category.CRITICAL, spec.getUrl() == null ? "NotSet" : "NotValid",
          "MigCluster " + name + " is not the host cluster and " + urlProblem
              + ": set spec.url to the remote API server, e.g. https://api.example.com:6443"));
    }
    ObjectReference ref = spec.getServiceAccountSecretRef();
    if (ref == null || ref.getName() == null || ref.getName().isBlank()) {
      found.add(Condition.of(MISSING_SERVICE_ACCOUNT_SECRET, Category.CRITICAL, "NotSet", "MigCluster " + name
          + " has no spec.serviceAccountSecretRef: reference a Secret holding the remote service account's token "
          + "under key " + ClusterClients.TOKEN_KEY));
    } else {
      String secretName = secretNamespace(cluster) + "/" + ref.getName();
      if (secret == null) {
        found.add(Condition.of(MISSING_SERVICE_ACCOUNT_SECRET, Category.CRITICAL, "NotFound", "Secret " + secretName
            + " named by MigCluster " + name + " does not exist: create it with the remote service account's token "
            + "under key " + ClusterClients.TOKEN_KEY));
      } else if (!hasToken(secret)) {
        found.add(Condition.of(MISSING_SERVICE_ACCOUNT_SECRET, Category.CRITICAL, "KeyError", "Secret " + secretName
            + " named by MigCluster " + name + " has no non-empty key " + ClusterClients.TOKEN_KEY
            + ": put the remote service account's token there"));
      }
    }
    if (!Boolean.TRUE.equals(spec.getInsecure()) && spec.getCaBundle() != null && !spec.getCaBundle().isBlank()
        && !isBase64Pem(spec.getCaBundle())) {
      found.add(Condition.of(INVALID_CA_BUNDLE, Category.CRITICAL, "NotValid", "MigCluster " + name
          + ": spec.caBundle is not base64-encoded PEM certificates; set it to the output of "
          + "base64 -w0 ca.crt for the CA that signed the API server's certificate"));
    }
    return found;
  }

  /** Why {@code url} cannot be an API server URL, or null when it can. */
  static String urlProblem(String url) {
    if (url == null || url.isBlank()) {
      return "has no spec.url";
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      return "spec.url " + url.trim() + " is not a URL (" + e.getReason() + ")";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return "spec.url " + url.trim() + " does not start with https://";
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return "spec.url " + url.trim() + " has no host name";
    }
    return null;
  }

  private static boolean hasToken(Secret secret) {
    String data = secret.getData() == null ? null : secret.getData().get(ClusterClients.TOKEN_KEY);
    String text = secret.getStringData() == null ? null : secret.getStringData().get(ClusterClients.TOKEN_KEY);
    if (data != null) {
      try {
        return !new String(Base64.getMimeDecoder().decode(data), StandardCharsets.UTF_8).isBlank();
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return text != null && !text.isBlank();
  }

  static boolean isBase64Pem(String caBundle) {
    try {
      String pem = new String(Base64.getMimeDecoder().decode(caBundle.trim()), StandardCharsets.UTF_8);
      return pem.contains("-----BEGIN CERTIFICATE-----");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
