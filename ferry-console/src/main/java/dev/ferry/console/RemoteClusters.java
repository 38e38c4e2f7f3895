package dev.ferry.console;

import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.controller.cluster.ClusterClients;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Clients for the clusters a MigCluster names, as MTC's console reaches them: the host through the
 * user's own kubeconfig identity, a remote cluster with the token its MigCluster references (read
 * with the user's identity, so a user who may not read that Secret cannot use it). The token stays
 * in this process; nothing of it reaches the browser.
 */
final class RemoteClusters implements AutoCloseable {
  private final ClusterClients clients;

  RemoteClusters(KubernetesClient host) {
    this.clients = new ClusterClients(host);
  }

  KubernetesClient client(MigCluster cluster) {
    return clients.forCluster(cluster);
  }

  @Override
  public void close() {
    clients.close();
  }
}
