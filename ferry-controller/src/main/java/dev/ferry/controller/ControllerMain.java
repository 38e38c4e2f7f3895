package dev.ferry.controller;

import dev.ferry.controller.metrics.ControllerMetrics;
import dev.ferry.controller.metrics.MeteredClients;
import dev.ferry.controller.metrics.MetricsServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the operator until the process is told to stop: {@code ControllerMain [kubeconfig [context
 * [namespace]]]}; without arguments, in-cluster or $KUBECONFIG configuration. This is what the
 * controller's container runs, and what restart tests kill.
 */
public final class ControllerMain {
  private static final Logger LOG = LoggerFactory.getLogger(ControllerMain.class);

  private ControllerMain() {
  }

  public static void main(String[] args) throws InterruptedException {
    Config config = args.length > 0 ? Config.fromKubeconfig(args.length > 1 ? args[1] : null, new File(args[0]))
        : Config.autoConfigure(null);
    String namespace = args.length > 2 ? args[2] : FerryOperator.DEFAULT_NAMESPACE;
    ControllerMetrics metrics = new ControllerMetrics();
    KubernetesClient client = MeteredClients.decorate(new KubernetesClientBuilder().withConfig(config), metrics).build();
    MetricsServer metricsServer = MetricsServer.start(metrics, Integer.parseInt(
        System.getenv().getOrDefault("FERRY_METRICS_PORT", String.valueOf(MetricsServer.DEFAULT_PORT))));
    FerryOperator operator = new FerryOperator(client, namespace, Clock.systemUTC(), metrics).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      operator.close();
      metricsServer.close();
      client.close();
      stopped.countDown();
    }, "ferry-controller-stop"));
    LOG.info("ferry controller running in namespace {} of {}", namespace, config.getMasterUrl());
    System.out.println("ferry controller ready");
    stopped.await();
  }
}
