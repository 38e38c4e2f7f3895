package dev.ferry.controller;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A heartbeat that says "a Ferry controller is acting on this namespace": the Lease
 * {@value #NAME} in the controller's namespace, renewed every {@link #RENEW} while the controller
 * runs and released when it stops. The CLI reads it ({@link ControllerPresence}) so that
 * {@code ferry migrate|rollback|cancel} can tell a user that nothing will act on their migration,
 * instead of waiting for a controller that was never installed.
 */
public final class ControllerLease implements AutoCloseable {
  public static final String NAME = "ferry-controller";
  static final Duration DURATION = Duration.ofSeconds(30);
  static final Duration RENEW = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(ControllerLease.class);

  private final KubernetesClient client;
  private final String namespace;
  private final String holder;
  private final Clock clock;
  private final ScheduledExecutorService timer;

  private ControllerLease(KubernetesClient client, String namespace, String holder, Clock clock) {
    this.client = client;
    this.namespace = namespace;
    this.holder = holder;
    this.clock = clock;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "ferry-controller-lease");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Takes the Lease now and renews it in the background until {@link #close()}. */
  public static ControllerLease hold(KubernetesClient client, String namespace, Clock clock) {
    ControllerLease lease = new ControllerLease(client, namespace, identity(), clock);
    lease.renew();
    lease.timer.scheduleWithFixedDelay(lease::renew, RENEW.toMillis(), RENEW.toMillis(), TimeUnit.MILLISECONDS);
    return lease;
  }

  /** host/pid, so a user can tell which process holds it. */
  public static String identity() {
    return ManagementFactory.getRuntimeMXBean().getName().replace('@', '/');
  }

  String holder() {
    return holder;
  }

  void renew() {
    ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC);
    try {
      Lease current = client.leases().inNamespace(namespace).withName(NAME).get();
      if (current == null) {
        client.leases().inNamespace(namespace).resource(new LeaseBuilder().withNewMetadata().withName(NAME)
            .withNamespace(namespace).addToLabels("app.kubernetes.io/part-of", "ferry").endMetadata()
            .withNewSpec().withHolderIdentity(holder).withLeaseDurationSeconds((int) DURATION.toSeconds())
            .withAcquireTime(now).withRenewTime(now).endSpec().build()).create();
        return;
      }
      boolean ours = holder.equals(current.getSpec().getHolderIdentity());
      current.getSpec().setHolderIdentity(holder);
      current.getSpec().setLeaseDurationSeconds((int) DURATION.toSeconds());
      current.getSpec().setRenewTime(now);
      if (!ours) {
        current.getSpec().setAcquireTime(now);
      }
      client.leases().inNamespace(namespace).resource(current).update();
    } catch (KubernetesClientException e) {
      // A missed renewal only makes the CLI's answer stale; the next one retries.
      LOG.debug("could not renew Lease {}/{}: {}", namespace, NAME, e.getMessage());
    } catch (RuntimeException e) {
      LOG.debug("could not renew Lease {}/{}", namespace, NAME, e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      Lease current = client.leases().inNamespace(namespace).withName(NAME).get();
      if (current != null && holder.equals(current.getSpec().getHolderIdentity())) {
        client.leases().inNamespace(namespace).withName(NAME).delete();
      }
    } catch (RuntimeException e) {
      LOG.debug("could not release Lease {}/{}: {}", namespace, NAME, e.getMessage());
    }
  }
}
