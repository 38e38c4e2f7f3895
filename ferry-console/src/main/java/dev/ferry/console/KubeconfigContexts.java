package dev.ferry.console;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which context of the user's kubeconfig reaches a MigCluster: the console's own context for the
 * host cluster, else the context whose cluster has the MigCluster's URL. Pure.
 */
final class KubeconfigContexts {
  private final String hostContext;
  private final Map<String, String> contextByServer;

  /** {@code servers}: context name → its cluster's server URL, in kubeconfig order. */
  KubeconfigContexts(String hostContext, Map<String, String> servers) {
    this.hostContext = hostContext;
    this.contextByServer = new LinkedHashMap<>();
    servers.forEach((context, server) -> contextByServer.putIfAbsent(normalize(server), context));
  }

  static KubeconfigContexts of(io.fabric8.kubernetes.api.model.Config kubeconfig, String hostContext) {
    Map<String, String> clusters = new LinkedHashMap<>();
    if (kubeconfig.getClusters() != null) {
      kubeconfig.getClusters().forEach(c -> clusters.put(c.getName(), c.getCluster().getServer()));
    }
    Map<String, String> servers = new LinkedHashMap<>();
    if (kubeconfig.getContexts() != null) {
      kubeconfig.getContexts().forEach(c -> {
        String server = clusters.get(c.getContext().getCluster());
        if (server != null) {
          servers.put(c.getName(), server);
        }
      });
    }
    return new KubeconfigContexts(hostContext, servers);
  }

  String host() {
    return hostContext;
  }

  /** The context for a cluster: host → the console's; remote → by URL; null when none matches. */
  String forCluster(boolean isHost, String url) {
    if (isHost) {
      return hostContext;
    }
    return url == null ? null : contextByServer.get(normalize(url));
  }

  private static String normalize(String url) {
    return url == null ? "" : url.strip().replaceAll("/+$", "").toLowerCase(java.util.Locale.ROOT);
  }
}
