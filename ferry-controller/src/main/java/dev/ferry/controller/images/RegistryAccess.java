package dev.ferry.controller.images;

import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.cluster.MigClusterSpec;
import dev.ferry.images.RegistryCredentials;
import dev.ferry.images.RegistryEndpoint;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/**
 * How Ferry reaches a MigCluster's registry: at its {@code exposedRegistryPath}, with the
 * cluster's service-account token as bearer token (OpenShift's registry accepts it), over HTTPS
 * trusting the cluster's CA bundle in addition to the JDK's, or anything if the cluster is
 * {@code insecure}. An explicit {@code http://} prefix, or a loopback address, means plain HTTP.
 */
public final class RegistryAccess {
  private RegistryAccess() {
  }

  /** {@code host[:port]} of the cluster's exposed registry, if it has one. */
  public static Optional<String> registryHost(MigCluster cluster) {
    MigClusterSpec spec = cluster.getSpec();
    if (spec == null || spec.getExposedRegistryPath() == null || spec.getExposedRegistryPath().isBlank()) {
      return Optional.empty();
    }
    String path = spec.getExposedRegistryPath().strip().replaceFirst("^[a-zA-Z]+://", "");
    int slash = path.indexOf('/');
    return Optional.of(slash < 0 ? path : path.substring(0, slash));
  }

  public static RegistryEndpoint endpoint(MigCluster cluster, KubernetesClient client) {
    String host = registryHost(cluster).orElseThrow(() -> new IllegalArgumentException("MigCluster "
        + cluster.getMetadata().getName() + " has no exposedRegistryPath; set it to the host of the cluster's "
        + "exposed image registry route"));
    MigClusterSpec spec = cluster.getSpec();
    String path = spec.getExposedRegistryPath().strip().toLowerCase(java.util.Locale.ROOT);
    RegistryEndpoint.Transport transport;
    if (path.startsWith("http://")) {
      transport = RegistryEndpoint.Transport.HTTP;
    } else if (Boolean.TRUE.equals(spec.getInsecure()) && !RegistryEndpoint.anonymous(host).plainHttp()) {
      transport = RegistryEndpoint.Transport.HTTPS_INSECURE;
    } else if (path.startsWith("https://")) {
      transport = RegistryEndpoint.Transport.HTTPS;
    } else {
      transport = RegistryEndpoint.Transport.AUTO;
    }
    String token = client.getConfiguration() == null ? null : client.getConfiguration().getOauthToken();
    RegistryCredentials credentials = token == null || token.isBlank() ? RegistryCredentials.ANONYMOUS
        : RegistryCredentials.bearer(token);
    return new RegistryEndpoint(host, credentials, transport, spec.getCaBundle());
  }
}
