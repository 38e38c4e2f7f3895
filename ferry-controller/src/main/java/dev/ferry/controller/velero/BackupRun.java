package dev.ferry.controller.velero;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.api.velero.backup.BackupStatus;
import dev.ferry.backup.backup.Backupper;
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
 * Runs one Backup CR to its end on the cluster {@code client} talks to: Ferry's engine writes the
 * backup (tarball, logs, results) into the repository, progress is published on the CR while it
 * runs and the final status is written to it. Used by {@link BackupReconciler} for user backups
 * and by migrations for the backups they create (possibly on a remote cluster).
 */
public final class BackupRun {
  private static final Logger LOG = LoggerFactory.getLogger(BackupRun.class);

  private BackupRun() {
  }

  /** {@code repository} is opened here and closed at the end; a failure to open it is a validation failure. */
  public static BackupStatus run(KubernetesClient client, Supplier<ObjectStore> repository, Clock clock, Backup backup) {
    // Component "backup", over the migration and plan the caller's context carries (see VeleroExecutor).
    try (var log = LogContext.component("backup")) {
      return runLogged(client, repository, clock, backup);
    }
  }

  private static BackupStatus runLogged(KubernetesClient client, Supplier<ObjectStore> repository, Clock clock,
                                        Backup backup) {
    BackupStatus status;
    try (ObjectStore store = repository.get()) {
      LOG.info("running backup {}/{}", backup.getMetadata().getNamespace(), backup.getMetadata().getName());
      status = new Backupper(client, store, clock).run(backup,
          new StatusPublisher<>(client, backup, Backup::setStatus, clock, Duration.ofSeconds(2)));
    } catch (ObjectStoreException | IllegalArgumentException e) {
      status = backup.getStatus() == null ? new BackupStatus() : backup.getStatus();
      status.setPhase(BackupPhase.FAILED_VALIDATION);
      status.setValidationErrors(List.of(e.getMessage()));
      status.setCompletionTimestamp(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    }
    LOG.info("backup {}/{} ended {}", backup.getMetadata().getNamespace(), backup.getMetadata().getName(),
        status.getPhase());
    backup.setStatus(status);
    // Progress updates moved the resource version on; StatusWriter re-reads on the conflict.
    StatusWriter.write(client, backup, Backup::getStatus, Backup::setStatus);
    return status;
  }
}
