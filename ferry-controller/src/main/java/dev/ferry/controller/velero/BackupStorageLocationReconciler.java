package dev.ferry.controller.velero;

import dev.ferry.api.velero.location.BackupStorageLocation;
import dev.ferry.api.velero.location.BackupStorageLocationPhase;
import dev.ferry.api.velero.location.BackupStorageLocationStatus;
import dev.ferry.backup.backup.GoDuration;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.ObjectStoreException;
import dev.ferry.objectstore.ObjectStores;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Keeps a BackupStorageLocation's phase honest: Available only after a real write, read, list
 * and delete of a probe object; Unavailable with the reason otherwise. Re-checked every
 * {@code validationFrequency} (default 1m).
 */
@ControllerConfiguration(name = "backupstoragelocation")
public class BackupStorageLocationReconciler implements Reconciler<BackupStorageLocation> {
  private final BackupStorageLocations storage;
  private final Clock clock;

  public BackupStorageLocationReconciler(BackupStorageLocations storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  @Override
  public UpdateControl<BackupStorageLocation> reconcile(BackupStorageLocation location,
                                                        Context<BackupStorageLocation> context) {
    BackupStorageLocationStatus status = location.getStatus() == null ? new BackupStorageLocationStatus()
        : location.getStatus();
    try (ObjectStore store = storage.open(location)) {
      ObjectStores.probe(store);
      status.setPhase(BackupStorageLocationPhase.AVAILABLE);
      status.setMessage(null);
      if (syncs(location)) {
        BackupSync.sync(context.getClient(), store, location.getMetadata().getNamespace(),
            location.getMetadata().getName());
        status.setLastSyncedTime(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
      }
    } catch (ObjectStoreException | IllegalArgumentException e) {
      status.setPhase(BackupStorageLocationPhase.UNAVAILABLE);
      status.setMessage(e.getMessage());
    }
    status.setLastValidationTime(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    location.setStatus(status);
    StatusWriter.write(context.getClient(), location, BackupStorageLocation::getStatus,
        BackupStorageLocation::setStatus);
    return UpdateControl.<BackupStorageLocation>noUpdate().rescheduleAfter(frequency(location));
  }

  /** Whether backups in the location are synced into Backup CRs: unless backupSyncPeriod is 0s. */
  private static boolean syncs(BackupStorageLocation location) {
    String period = location.getSpec() == null ? null : location.getSpec().getBackupSyncPeriod();
    try {
      return period == null || !GoDuration.parse(period).isZero();
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  private static Duration frequency(BackupStorageLocation location) {
    String text = location.getSpec() == null ? null : location.getSpec().getValidationFrequency();
    try {
      Duration d = text == null ? Duration.ofMinutes(1) : GoDuration.parse(text);
      return d.isZero() ? Duration.ofMinutes(1) : d;
    } catch (IllegalArgumentException e) {
      return Duration.ofMinutes(1);
    }
  }
}
