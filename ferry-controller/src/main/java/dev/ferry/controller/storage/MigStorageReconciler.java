package dev.ferry.controller.storage;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Conditions;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.api.migration.storage.MigStorageStatus;
import dev.ferry.controller.itinerary.StatusPatches;
import dev.ferry.controller.settings.SpecRefresh;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.ObjectStoreException;
import dev.ferry.objectstore.ObjectStores;
import dev.ferry.objectstore.StorageLocation;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MigStorage is Ready only after a real write, read, list and delete of a probe object in its
 * repository; otherwise one Critical condition says which field to fix or why the probe failed
 * (rejected credentials, missing bucket or container, unreachable endpoint). A Ready MigStorage
 * gets Velero's locations on every cluster ({@link VeleroLocationSync}); deleting it deletes them.
 * Re-checked every two minutes and when {@code spec.refresh} is set.
 */
@ControllerConfiguration(name = "migstorage")
public class MigStorageReconciler implements Reconciler<MigStorage>, Cleaner<MigStorage> {
  static final Duration RECHECK = Duration.ofMinutes(2);
  private static final Logger LOG = LoggerFactory.getLogger(MigStorageReconciler.class);

  private final MigStorageLocations locations;
  private final VeleroLocationSync velero;
  private final Clock clock;

  public MigStorageReconciler(MigStorageLocations locations, VeleroLocationSync velero, Clock clock) {
    this.locations = locations;
    this.velero = velero;
    this.clock = clock;
  }

  @Override
  public UpdateControl<MigStorage> reconcile(MigStorage storage, Context<MigStorage> context) {
    MigStorageStatus status = storage.getStatus() == null ? new MigStorageStatus() : storage.getStatus();
    storage.setStatus(status);
    Conditions conditions = status.conditions(clock);
    conditions.beginStaging();
    StorageLocation location = null;
    try {
      location = locations.location(storage);
      try (ObjectStore store = ObjectStores.open(location)) {
        ObjectStores.probe(store);
      }
    } catch (InvalidMigStorageException e) {
      conditions.set(e.conditionType(), Category.CRITICAL, e.reason(), e.getMessage());
    } catch (ObjectStoreException e) {
      ProbeFailureCondition failure = ProbeFailureCondition.of(location == null ? null
          : location.normalizedProvider(), e);
      conditions.set(failure.type(), Category.CRITICAL, failure.reason(), e.getMessage()
          + "; fix the storage or backupStorageConfig, then set spec.refresh: true to check again");
    }
    if (!conditions.hasErrors() && location != null && velero != null) {
      List<String> problems = velero.apply(storage, location);
      if (!problems.isEmpty()) {
        conditions.set(MigStorageConditions.VELERO_LOCATIONS_FAILED, Category.WARN, "NotSynced",
            "Velero's BackupStorageLocation for this storage could not be written on: " + String.join("; ",
                problems));
      }
    }
    conditions.setReady(!conditions.hasErrors(), MigStorageConditions.READY_MESSAGE);
    conditions.endStaging();
    LOG.debug("MigStorage {}/{}: {}", storage.getMetadata().getNamespace(), storage.getMetadata().getName(),
        conditions.list());
    if (storage.getSpec() != null && Boolean.TRUE.equals(storage.getSpec().getRefresh())) {
      SpecRefresh.reset(context.getClient(), storage);
    }
    // The refresh reset moved the resource version on; the status patch must not carry the old one.
    return StatusPatches.patch(storage).rescheduleAfter(RECHECK);
  }

  /** Velero's locations go with the MigStorage; a cluster that cannot be reached does not block the deletion. */
  @Override
  public DeleteControl cleanup(MigStorage storage, Context<MigStorage> context) {
    if (velero != null) {
      List<String> problems = velero.delete(storage);
      if (!problems.isEmpty()) {
        LOG.warn("MigStorage {}/{} deleted; its Velero locations remain on: {}", storage.getMetadata().getNamespace(),
            storage.getMetadata().getName(), problems);
      }
    }
    return DeleteControl.defaultDelete();
  }
}
