package dev.ferry.controller.cluster;

import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.cluster.MigClusterSpec;
import dev.ferry.controller.metrics.ControllerMetrics;
import dev.ferry.controller.metrics.MeteredClients;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clients for the clusters MigClusters describe: the host cluster is the controller's own;
 * a remote one is reached by {@code url} with the service-account token of the Secret that
 * {@code serviceAccountSecretRef} names (key {@code saToken}, as in MTC), trusting
 * {@code caBundle} or, if {@code insecure}, anything. Clients are cached per connection
 * settings (URL, CA, insecure, token): other spec changes (a {@code refresh} flag reset) keep the
 * client. A replaced client is not closed until this object is, because a migration may still be
 * using it on another thread. Given {@link ControllerMetrics}, every
 * remote client it builds counts its requests there.
 */
public final class ClusterClients implements AutoCloseable {
  public static final String TOKEN_KEY = "saToken";

  private final KubernetesClient host;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final java.util.List<KubernetesClient> retired = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ControllerMetrics metrics;

  private record Cached(String version, KubernetesClient client) {
  }

  public ClusterClients(KubernetesClient host) {
    this(host, null);
  }

  /** Remote clients count their requests in {@code metrics} (null: not metered). */
  public ClusterClients(KubernetesClient host, ControllerMetrics metrics) {
    this.host = host;
    this.metrics = metrics;
  }

  public KubernetesClient host() {
    return host;
  }

  /** The client for {@code cluster}; throws {@link ClusterAccessException} saying what is missing. */
  public KubernetesClient forCluster(MigCluster cluster) {
    MigClusterSpec spec = cluster.getSpec();
    if (spec != null && Boolean.TRUE.equals(spec.getIsHostCluster())) {
      return host;
    }
    String name = cluster.getMetadata().getNamespace() + "/" + cluster.getMetadata().getName();
    if (spec == null || spec.getUrl() == null || spec.getUrl().isBlank()) {
      throw new ClusterAccessException("MigCluster " + name + " is not the host cluster and has no spec.url; "
          + "set isHostCluster: true or the remote API server URL");
    }
    ObjectReference ref = spec.getServiceAccountSecretRef();
    if (ref == null || ref.getName() == null) {
      throw new ClusterAccessException("MigCluster " + name + " has no spec.serviceAccountSecretRef; "
          + "reference a Secret holding the remote service account's token under key " + TOKEN_KEY);
    }
    String secretNamespace = ref.getNamespace() != null ? ref.getNamespace() : cluster.getMetadata().getNamespace();
    Secret secret = host.secrets().inNamespace(secretNamespace).withName(ref.getName()).get();
    if (secret == null) {
      throw new ClusterAccessException("Secret " + secretNamespace + "/" + ref.getName() + " named by MigCluster "
          + name + " does not exist");
    }
    String token = token(secret);
    if (token == null) {
      throw new ClusterAccessException("Secret " + secretNamespace + "/" + ref.getName() + " has no key " + TOKEN_KEY
          + " (the remote service account's token)");
    }
    String version = settingsDigest(spec, token);
    Cached cached = cache.get(name);
    if (cached != null && cached.version().equals(version)) {
      return cached.client();
    }
    KubernetesClientBuilder builder = ControllerHttpClients.builder().withConfig(config(spec, token));
    KubernetesClient client = (metrics == null ? builder : MeteredClients.decorate(builder, metrics)).build();
    Cached previous = cache.put(name, new Cached(version, client));
    if (previous != null) {
      retired.add(previous.client());
    }
    return client;
  }

  static Config config(MigClusterSpec spec, String token) {
    ConfigBuilder config = new ConfigBuilder(Config.empty())
        .withMasterUrl(spec.getUrl())
        .withOauthToken(token)
        // Over HTTP/2 a rejected token surfaces as GOAWAY, not as a 401 the user can act on.
        .withHttp2Disable(true)
        .withRequestRetryBackoffLimit(2)
        .withConnectionTimeout(10_000)
        .withRequestTimeout(30_000);
    if (Boolean.TRUE.equals(spec.getInsecure())) {
      config.withTrustCerts(true).withDisableHostnameVerification(true);
    } else if (spec.getCaBundle() != null && !spec.getCaBundle().isBlank()) {
      config.withCaCertData(spec.getCaBundle().trim());
    }
    return config.build();
  }

  private static String token(Secret secret) {
    if (secret.getData() != null && secret.getData().get(TOKEN_KEY) != null) {
      return new String(Base64.getMimeDecoder().decode(secret.getData().get(TOKEN_KEY)), StandardCharsets.UTF_8).trim();
    }
    if (secret.getStringData() != null && secret.getStringData().get(TOKEN_KEY) != null) {
      return secret.getStringData().get(TOKEN_KEY).trim();
    }
    return null;
  }

  /** A digest, so the token itself is not kept as a map key. */
  private static String settingsDigest(MigClusterSpec spec, String token) {
    try {
      var sha = java.security.MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {spec.getUrl(), spec.getCaBundle(), String.valueOf(spec.getInsecure()), token}) {
        sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  @Override
  public void close() {
    cache.values().forEach(c -> c.client().close());
    cache.clear();
    retired.forEach(KubernetesClient::close);
    retired.clear();
  }
}
