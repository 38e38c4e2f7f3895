package dev.ferry.controller.cluster;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;

/**
 * The HTTP client under every fabric8 client the controller builds, chosen here and not by what
 * happens to be on the class path. OkHttp, because a restore is thousands of small creates and,
 * measured with {@code bench/run-resources.sh} (3 000 objects, A/B twice, same minute), the
 * controller's side of it took 8–10 CPU-s on OkHttp against 11–13 on the JDK's HttpClient, whose
 * per-request executor hand-offs led the profile. The CLI's one-shot commands keep the JDK client
 * (no extra classes to load at start).
 */
public final class ControllerHttpClients {
  private ControllerHttpClients() {
  }

  /** The factory of the controller's HTTP clients. */
  public static HttpClient.Factory factory() {
    return new OkHttpClientFactory();
  }

  /** A client builder on the controller's HTTP client. */
  public static KubernetesClientBuilder builder() {
    return new KubernetesClientBuilder().withHttpClientFactory(factory());
  }
}
