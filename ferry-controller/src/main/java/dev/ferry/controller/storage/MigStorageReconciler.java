package dev.ferry.controller.storage;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Conditions;
import dev.ferry.api.migration.MigStorage;
import dev.ferry.api.migration.MigStorageStatus;
import dev.ferry.controller.itinerary.StatusPatches;
import dev.ferry.controller.settings.SpecRefresh;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.ObjectStoreException;
import dev.ferry.objectstore.ObjectStores;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MigStorage is Ready only after a real write, read, list and delete of a probe object in its
 * repository; otherwise one Critical condition says which field to fix or why the probe failed.
 * Re-checked every two minutes and when {@code spec.refresh} is set.
 */
@ControllerConfiguration(name = "migstorage")
public class MigStorageReconciler implements Reconciler<MigStorage> {
  static final Duration RECHECK = Duration.ofMinutes(2);
  private static final Logger LOG = LoggerFactory.getLogger(MigStorageReconciler.class);

  private final MigStorageLocations locations;
  private final Clock clock;

  public MigStorageReconciler(MigStorageLocations locations, Clock clock) {
    this.locations = locations;
    this.clock = clock;
  }

  @Override
  public UpdateControl<MigStorage> reconcile(MigStorage storage, Context<MigStorage> context) {
    MigStorageStatus status = storage.getStatus() == null ? new MigStorageStatus() : storage.getStatus();
    storage.setStatus(status);
    Conditions conditions = status.conditions(clock);
    conditions.beginStaging();
    try (ObjectStore store = locations.open(storage)) {
      ObjectStores.probe(store);
    } catch (InvalidMigStorageException e) {
      conditions.set(e.conditionType(), Category.CRITICAL, e.reason(), e.getMessage());
    } catch (ObjectStoreException e) {
      conditions.set(MigStorageConditions.STORAGE_PROBE_FAILED, Category.CRITICAL, "TestFailed", e.getMessage()
          + "; fix the storage or backupStorageConfig, then set spec.refresh: true to check again");
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
}
