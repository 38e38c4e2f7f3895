package dev.ferry.cli.kube;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;

/**
 * The CLI's own clients run on the JDK's HttpClient, named here because the class path also holds
 * the controller's OkHttp (which fabric8 would otherwise prefer): a one-shot command's start loads
 * no extra HTTP stack, and the JDK client's classes come from the runtime's AOT cache.
 */
public final class CliHttpClients {
  private CliHttpClients() {
  }

  /** A client builder on the JDK HTTP client. */
  public static KubernetesClientBuilder builder() {
    return new KubernetesClientBuilder().withHttpClientFactory(new JdkHttpClientFactory());
  }
}
