package dev.ferry.controller.velero;

import dev.ferry.controller.logging.LogContext;
import dev.ferry.api.velero.Backup;
import dev.ferry.api.velero.Restore;
import dev.ferry.api.velero.RestorePhase;
import dev.ferry.api.velero.RestoreStatus;
import dev.ferry.backup.restore.RestoreOptions;
import dev.ferry.backup.restore.Restorer;
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
import java.util.function.Supplier;
import dev.ferry.backup.format.BackupLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes Velero Restore CRs with Ferry's engine. The repository is the storage location of
 * the named Backup CR when it exists on this cluster, else the default location. A restore
 * found InProgress is run again: creating an object that exists and is equal is a no-op. The
 * backup is read within the MigrationController's {@code restore_limits}.
 */
@ControllerConfiguration(name = "restore")
public class RestoreReconciler implements Reconciler<Restore> {
  private static final Logger LOG = LoggerFactory.getLogger(RestoreReconciler.class);
  private final StorageResolver storage;
  private final Clock clock;
  private final Supplier<BackupLimits> limits;

  public RestoreReconciler(StorageResolver storage, Clock clock) {
    this(storage, clock, BackupLimits::defaults);
  }

  /** {@code limits} is read at each restore, so a changed MigrationController applies to the next one. */
  public RestoreReconciler(StorageResolver storage, Clock clock, Supplier<BackupLimits> limits) {
    this.storage = storage;
    this.clock = clock;
    this.limits = limits;
  }

  @Override
  public UpdateControl<Restore> reconcile(Restore restore, Context<Restore> context) {
    try (var log = LogContext.forChild(restore, "restore")) {
      return reconcileInLogContext(restore, context);
    }
  }

  private UpdateControl<Restore> reconcileInLogContext(Restore restore, Context<Restore> context) {
    RestorePhase phase = restore.getStatus() == null ? null : restore.getStatus().getPhase();
    if (phase != null && phase != RestorePhase.NEW && phase != RestorePhase.IN_PROGRESS) {
      return UpdateControl.noUpdate();
    }
    KubernetesClient client = context.getClient();
    if (phase == RestorePhase.IN_PROGRESS) {
      // Our own status updates bump the generation (no status subresource), so this event may
      // come from a cache older than the run that just finished: ask the API server.
      Restore latest = client.resource(restore).get();
      if (latest == null || latest.getStatus() == null || latest.getStatus().getPhase() != RestorePhase.IN_PROGRESS) {
        return UpdateControl.noUpdate();
      }
    }
    String namespace = restore.getMetadata().getNamespace();
    String location = null;
    if (restore.getSpec() != null && restore.getSpec().getBackupName() != null) {
      Backup backup = client.resources(Backup.class).inNamespace(namespace).withName(restore.getSpec().getBackupName())
          .get();
      location = backup == null || backup.getSpec() == null ? null : backup.getSpec().getStorageLocation();
    }
    RestoreStatus status;
    try (ObjectStore store = storage.open(namespace, location)) {
      LOG.info("running restore {}/{}", namespace, restore.getMetadata().getName());
      status = new Restorer(client, store, clock, RestoreOptions.none().withLimits(limits.get())).run(restore,
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
    return UpdateControl.noUpdate();
  }
}
