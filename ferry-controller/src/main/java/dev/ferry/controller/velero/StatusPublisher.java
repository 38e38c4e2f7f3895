package dev.ferry.controller.velero;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a long-running operation's status while it runs, at most every {@code interval},
 * so users watching {@code kubectl get backup -w} see progress; the final status is written by
 * the reconciler itself.
 */
final class StatusPublisher<R extends HasMetadata, S> implements Consumer<S> {
  private static final Logger LOG = LoggerFactory.getLogger(StatusPublisher.class);
  private final KubernetesClient client;
  private final R resource;
  private final java.util.function.BiConsumer<R, S> setStatus;
  private final Clock clock;
  private final Duration interval;
  private Instant last = Instant.EPOCH;

  StatusPublisher(KubernetesClient client, R resource, java.util.function.BiConsumer<R, S> setStatus, Clock clock,
                  Duration interval) {
    this.client = client;
    this.resource = resource;
    this.setStatus = setStatus;
    this.clock = clock;
    this.interval = interval;
  }

  @Override
  public void accept(S status) {
    Instant now = Instant.now(clock);
    if (Duration.between(last, now).compareTo(interval) < 0) {
      return;
    }
    last = now;
    setStatus.accept(resource, status);
    try {
      // No status subresource on velero.io kinds: update the whole object, keeping its new version.
      resource.getMetadata().setResourceVersion(
          StatusWriter.write(client, resource, r -> status, setStatus).getMetadata().getResourceVersion());
    } catch (KubernetesClientException e) {
      // Progress is best effort; the final status is written with retries by the reconciler.
      LOG.debug("could not publish progress of {}: {}", resource.getMetadata().getName(), e.getMessage());
    }
  }
}
