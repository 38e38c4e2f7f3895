package dev.ferry.controller.metrics;

import dev.ferry.controller.cluster.ControllerHttpClients;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * Builds fabric8 clients whose every request is counted in {@link ControllerMetrics}: the
 * controller's own client and each remote MigCluster's. Clients derived from a metered one
 * ({@code newBuilder()}, {@code adapt}) keep the interceptor.
 */
public final class MeteredClients {
  private MeteredClients() {
  }

  /**
   * Puts the clients {@code builder} builds on the controller's HTTP client
   * ({@link ControllerHttpClients}) and adds the metrics interceptor. This sets the builder's HTTP
   * client factory and builder consumer, replacing any set before.
   */
  public static KubernetesClientBuilder decorate(KubernetesClientBuilder builder, ControllerMetrics metrics) {
    RequestMetricsInterceptor interceptor = new RequestMetricsInterceptor(metrics);
    return builder.withHttpClientFactory(ControllerHttpClients.factory()).withHttpClientBuilderConsumer(
        http -> http.addOrReplaceInterceptor(RequestMetricsInterceptor.NAME, interceptor));
  }

  /** A metered client for {@code config}. */
  public static KubernetesClient build(Config config, ControllerMetrics metrics) {
    return decorate(new KubernetesClientBuilder().withConfig(config), metrics).build();
  }
}
