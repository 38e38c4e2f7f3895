package dev.ferry.controller.velero;

import dev.ferry.api.velero.restore.Restore;
import dev.ferry.api.velero.restore.RestorePhase;
import dev.ferry.api.velero.restore.RestoreStatus;
import dev.ferry.backup.restore.RestoreOptions;
import dev.ferry.backup.restore.Restorer;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.ObjectStoreException;
import dev.ferry.controller.logging.LogContext;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Restore CR to its end on the cluster {@code client} talks to, publishing progress on
 * the CR and writing its final status. Used by {@link RestoreReconciler} and by migrations for
 * the restores they create on the destination.
 */
public final class RestoreRun {
  private static final Logger LOG = LoggerFactory.getLogger(RestoreRun.class);

  private RestoreRun() {
  }

  /** {@code repository} is opened here and closed at the end; a failure to open it is a validation failure. */
  public static RestoreStatus run(KubernetesClient client, Supplier<ObjectStore> repository, Clock clock,
                                  RestoreOptions options, Restore restore) {
    // Component "restore", over the migration and plan the caller's context carries (see VeleroExecutor).
    try (var log = LogContext.component("restore")) {
      return runLogged(client, repository, clock, options, restore);
    }
  }

  private static RestoreStatus runLogged(KubernetesClient client, Supplier<ObjectStore> repository, Clock clock,
                                         RestoreOptions options, Restore restore) {
    String namespace = restore.getMetadata().getNamespace();
    RestoreStatus status;
    try (ObjectStore store = repository.get()) {
      LOG.info("running restore {}/{}", namespace, restore.getMetadata().getName());
      status = new Restorer(client, store, clock, options).run(restore,
          new StatusPublisher<>(client, restore, Restore::setStatus, clock, Duration.ofSeconds(2)));
    } catch (ObjectStoreException | IllegalArgumentException e) {
      status = restore.getStatus() == null ? new RestoreStatus() : restore.getStatus();
      status.setPhase(RestorePhase.FAILED_VALIDATION);
      status.setValidationErrors(List.of(e.getMessage()));
      status.setCompletionTimestamp(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    }
    LOG.info("restore {}/{} ended {}", namespace, restore.getMetadata().getName(), status.getPhase());
    restore.setStatus(status);
    // Progress updates moved the resource version on; StatusWriter re-reads on the conflict.
    StatusWriter.write(client, restore, Restore::getStatus, Restore::setStatus);
    return status;
  }
}
