package dev.ferry.controller.velero;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Writes the status of a velero.io object. Velero's CRDs have no status subresource (Ferry's
 * match them), so there is no {@code /status} endpoint: the status is written by updating the
 * whole object with its resourceVersion (optimistic concurrency). On a conflict the object is
 * read again and only the status is re-applied, so a concurrent change to spec, labels or
 * fields Ferry does not model is kept, never overwritten.
 */
final class StatusWriter {
  private static final int ATTEMPTS = 5;

  private StatusWriter() {
  }

  /** Sets {@code status} on the latest {@code resource} and updates it; returns the stored object. */
  static <R extends HasMetadata, S> R write(KubernetesClient client, R resource, Function<R, S> getStatus,
                                            BiConsumer<R, S> setStatus) {
    S status = getStatus.apply(resource);
    R current = resource;
    for (int attempt = 1; ; attempt++) {
      setStatus.accept(current, status);
      try {
        return client.resource(current).update();
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt >= ATTEMPTS) {
          throw e;
        }
        current = client.resource(current).get();
        if (current == null) {
          throw e; // deleted meanwhile
        }
      }
    }
  }
}
