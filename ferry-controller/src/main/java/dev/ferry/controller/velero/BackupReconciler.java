package dev.ferry.controller.velero;

import dev.ferry.controller.logging.LogContext;
import dev.ferry.api.velero.Backup;
import dev.ferry.api.velero.BackupPhase;
import dev.ferry.api.velero.BackupStatus;
import dev.ferry.backup.backup.Backupper;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.ObjectStoreException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes Velero Backup CRs in the controller's namespace with Ferry's own engine. A backup
 * found InProgress (the controller stopped mid-way) is run again from the start: every object
 * it writes is replaced atomically and velero-backup.json is written last, so a re-run
 * leaves exactly one complete backup.
 */
@ControllerConfiguration(name = "backup")
public class BackupReconciler implements Reconciler<Backup> {
  private static final Logger LOG = LoggerFactory.getLogger(BackupReconciler.class);
  private final StorageResolver storage;
  private final Clock clock;

  public BackupReconciler(StorageResolver storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  @Override
  public UpdateControl<Backup> reconcile(Backup backup, Context<Backup> context) {
    try (var log = LogContext.forChild(backup, "backup")) {
      return reconcileInLogContext(backup, context);
    }
  }

  private UpdateControl<Backup> reconcileInLogContext(Backup backup, Context<Backup> context) {
    BackupPhase phase = backup.getStatus() == null ? null : backup.getStatus().getPhase();
    if (phase != null && phase != BackupPhase.NEW && phase != BackupPhase.IN_PROGRESS) {
      return UpdateControl.noUpdate(); // finished: a backup is never run twice
    }
    KubernetesClient client = context.getClient();
    if (phase == BackupPhase.IN_PROGRESS) {
      // Our own status updates bump the generation (no status subresource), so this event may
      // come from a cache older than the run that just finished: ask the API server.
      Backup latest = client.resource(backup).get();
      if (latest == null || latest.getStatus() == null || latest.getStatus().getPhase() != BackupPhase.IN_PROGRESS) {
        return UpdateControl.noUpdate();
      }
    }
    String location = backup.getSpec() == null ? null : backup.getSpec().getStorageLocation();
    BackupStatus status;
    try (ObjectStore store = storage.open(backup.getMetadata().getNamespace(), location)) {
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
    return UpdateControl.noUpdate();
  }
}
