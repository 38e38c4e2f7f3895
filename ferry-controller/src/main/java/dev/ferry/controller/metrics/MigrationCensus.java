package dev.ferry.controller.metrics;

import dev.ferry.api.migration.migration.MigMigration;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code cam_app_workload_migrations} in step with the MigMigrations of a namespace by
 * watching them: every add and update is {@link ControllerMetrics#record(MigMigration)}ed, every
 * delete {@link ControllerMetrics#forget(String)}. The reconciler alone cannot do this, since it
 * is not called when a MigMigration (which has no finalizer) is deleted.
 */
public final class MigrationCensus implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MigrationCensus.class);
  private final SharedIndexInformer<MigMigration> informer;

  private MigrationCensus(SharedIndexInformer<MigMigration> informer) {
    this.informer = informer;
  }

  /**
   * Starts counting the MigMigrations of {@code namespace} (all namespaces if null) without
   * waiting for the first list: a missing CRD delays the counts, it does not stop the controller.
   */
  public static MigrationCensus start(KubernetesClient client, String namespace, ControllerMetrics metrics) {
    var resources = client.resources(MigMigration.class);
    SharedIndexInformer<MigMigration> informer = namespace == null
        ? resources.inAnyNamespace().runnableInformer(0)
        : resources.inNamespace(namespace).runnableInformer(0);
    informer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(MigMigration migration) {
        metrics.record(migration);
      }

      @Override
      public void onUpdate(MigMigration before, MigMigration after) {
        metrics.record(after);
      }

      @Override
      public void onDelete(MigMigration migration, boolean finalStateUnknown) {
        metrics.forget(migration.getMetadata().getUid());
      }
    });
    // Keep trying (e.g. until the MigMigration CRD is installed) rather than give up on the first list.
    informer.exceptionHandler((started, failure) -> {
      LOG.debug("counting MigMigrations: {}", failure.getMessage());
      return !ExceptionHandler.isDeserializationException(failure);
    });
    informer.start();
    return new MigrationCensus(informer);
  }

  /** Whether the first list has been received (the counts are complete). */
  public boolean hasSynced() {
    return informer.hasSynced();
  }

  @Override
  public void close() {
    informer.close();
  }
}
