package dev.ferry.testbed;

import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The testbed's load balancer for clusters with a real node: a {@code LoadBalancer} Service gets the
 * address of a running pod it selects on the real node as its ingress IP. The nodes' bridges are
 * routed on this machine, so a pod of another cluster reaches that address directly, on the port
 * the pod listens on. Limits: one backend (the first running pod), and the Service's port must be
 * its target port; there is no kube-proxy, so ClusterIPs are not routed.
 */
final class PodLoadBalancer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PodLoadBalancer.class);

  private final KubernetesClient client;
  private final String subnetPrefix;
  private final ScheduledExecutorService timer;

  private PodLoadBalancer(KubernetesClient client, String subnet) {
    this.client = client;
    // 10.89.N.0/24 -> "10.89.N."
    this.subnetPrefix = subnet.substring(0, subnet.lastIndexOf('.') + 1);
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "ferry-testbed-load-balancer");
      thread.setDaemon(true);
      return thread;
    });
  }

  static PodLoadBalancer start(KubernetesClient client, String subnet) {
    PodLoadBalancer balancer = new PodLoadBalancer(client, subnet);
    balancer.timer.scheduleWithFixedDelay(balancer::assign, 0, 1, TimeUnit.SECONDS);
    return balancer;
  }

  private void assign() {
    try {
      for (Service service : client.services().inAnyNamespace().list().getItems()) {
        if (!"LoadBalancer".equals(service.getSpec().getType()) || service.getSpec().getSelector() == null
            || service.getSpec().getSelector().isEmpty()) {
          continue;
        }
        String namespace = service.getMetadata().getNamespace();
        String address = client.pods().inNamespace(namespace).withLabels(service.getSpec().getSelector()).list()
            .getItems().stream().filter(PodLoadBalancer::running).map(p -> p.getStatus().getPodIP())
            .filter(ip -> ip != null && ip.startsWith(subnetPrefix)).findFirst().orElse(null);
        if (address != null && !Objects.equals(address, current(service))) {
          if (service.getStatus() == null) {
            service.setStatus(new io.fabric8.kubernetes.api.model.ServiceStatus());
          }
          if (service.getStatus().getLoadBalancer() == null) {
            service.getStatus().setLoadBalancer(new io.fabric8.kubernetes.api.model.LoadBalancerStatus());
          }
          service.getStatus().getLoadBalancer().setIngress(List.of(new LoadBalancerIngressBuilder()
              .withIp(address).build()));
          client.services().inNamespace(namespace).resource(service).updateStatus();
          LOG.debug("LoadBalancer {}/{} -> {}", namespace, service.getMetadata().getName(), address);
        }
      }
    } catch (KubernetesClientException e) {
      // a conflict or a stopping API server: the next round tries again
    } catch (RuntimeException e) {
      LOG.warn("load balancer round failed: {}", e.toString());
    }
  }

  private static boolean running(Pod pod) {
    return pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase())
        && pod.getMetadata().getDeletionTimestamp() == null;
  }

  private static String current(Service service) {
    var ingress = service.getStatus() == null || service.getStatus().getLoadBalancer() == null ? null
        : service.getStatus().getLoadBalancer().getIngress();
    return ingress == null || ingress.isEmpty() ? null : ingress.get(0).getIp();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
