package dev.ferry.controller;

import dev.ferry.controller.analytics.MigAnalyticReconciler;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.controller.cluster.MigClusterReconciler;
import dev.ferry.controller.hook.MigHookReconciler;
import dev.ferry.controller.images.DirectImageMigrationReconciler;
import dev.ferry.controller.images.DirectImageStreamMigrationReconciler;
import dev.ferry.controller.metrics.ControllerMetrics;
import dev.ferry.controller.metrics.MigrationCensus;
import dev.ferry.controller.migration.MigrationReconciler;
import dev.ferry.controller.plan.MigPlanReconciler;
import dev.ferry.controller.storage.MigStorageLocations;
import dev.ferry.controller.storage.VeleroLocationSync;
import dev.ferry.controller.storage.MigStorageReconciler;
import dev.ferry.controller.tenancy.TenantMigrationReconciler;
import dev.ferry.controller.tenancy.TenantPlanReconciler;
import dev.ferry.controller.tenancy.TenantScope;
import dev.ferry.controller.velero.BackupReconciler;
import dev.ferry.controller.velero.BackupStorageLocationReconciler;
import dev.ferry.controller.velero.BackupStorageLocations;
import dev.ferry.controller.velero.RestoreReconciler;
import dev.ferry.controller.velero.VeleroExecutor;
import dev.ferry.controller.volumes.DirectVolumeMigrationReconciler;
import dev.ferry.controller.volumes.InProcessVolumeLauncher;
import dev.ferry.controller.volumes.LibraryVolumeMover;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import java.util.Set;

/**
 * Ferry's operator: registers every reconciler, watching the controller's namespace (default
 * {@code openshift-migration}) of the cluster {@code client} talks to.
 */
public final class FerryOperator implements AutoCloseable {
  public static final String DEFAULT_NAMESPACE = "openshift-migration";
  private final KubernetesClient client;
  private final String namespace;
  private final ControllerMetrics metrics;
  private final Operator operator;
  private final ClusterClients clusters;
  private final InProcessVolumeLauncher volumeMover;
  private final VeleroExecutor veleroRuns = new VeleroExecutor(2);
  private final Clock clock;
  private MigrationCensus census;
  private ControllerLease lease;

  public FerryOperator(KubernetesClient client, String namespace, Clock clock) {
    this(client, namespace, clock, new ControllerMetrics());
  }

  public FerryOperator(KubernetesClient client, String namespace, Clock clock, ControllerMetrics metrics) {
    this.client = client;
    this.namespace = namespace;
    this.metrics = metrics;
    this.clock = clock;
    BackupStorageLocations storage = new BackupStorageLocations(client);
    MigStorageLocations migStorages = new MigStorageLocations(client);
    clusters = new ClusterClients(client, metrics);
    operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false)
        .withStopOnInformerErrorDuringStartup(true));
    Set<String> watched = Set.of(namespace);
    operator.register(new BackupStorageLocationReconciler(storage, clock), c -> c.settingNamespaces(watched));
    operator.register(new BackupReconciler(storage, clock), c -> c.settingNamespaces(watched));
    var settings = new dev.ferry.controller.settings.ControllerSettingsReader(client, namespace);
    operator.register(new RestoreReconciler(storage, clock, settings::restoreLimits),
        c -> c.settingNamespaces(watched));
    operator.register(new MigClusterReconciler(clusters, namespace, clock), c -> c.settingNamespaces(watched));
    operator.register(new MigStorageReconciler(migStorages, new VeleroLocationSync(clusters), clock),
        c -> c.settingNamespaces(watched));
    operator.register(new MigHookReconciler(clock), c -> c.settingNamespaces(watched));
    operator.register(new MigAnalyticReconciler(clusters, clock), c -> c.settingNamespaces(watched));
    operator.register(new MigPlanReconciler(clusters, namespace, clock), c -> c.settingNamespaces(watched));
    operator.register(new MigrationReconciler(clusters, migStorages::open, clock, veleroRuns), c -> c.settingNamespaces(watched));
    volumeMover = new InProcessVolumeLauncher(new LibraryVolumeMover(), InProcessVolumeLauncher.DEFAULT_THREADS);
    operator.register(new DirectVolumeMigrationReconciler(clusters, migStorages::open, new LibraryVolumeMover(),
        volumeMover, clock), c -> c.settingNamespaces(watched));
    operator.register(new DirectImageMigrationReconciler(clusters, clock), c -> c.settingNamespaces(watched));
    // Self-service MigMigrations live in tenants' namespaces; the reconciler does nothing unless
    // the MigrationController enables self-service.
    TenantScope tenants = new TenantScope(clusters, migStorages, namespace, clock);
    operator.register(new TenantMigrationReconciler(tenants),
        c -> c.settingNamespaces(io.javaoperatorsdk.operator.api.reconciler.Constants.WATCH_ALL_NAMESPACES));
    operator.register(new TenantPlanReconciler(tenants),
        c -> c.settingNamespaces(io.javaoperatorsdk.operator.api.reconciler.Constants.WATCH_ALL_NAMESPACES));
    operator.register(new DirectImageStreamMigrationReconciler(clusters, clock), c -> c.settingNamespaces(watched));
    operator.register(new dev.ferry.controller.logging.LogReaderReconciler(), c -> c.settingNamespaces(watched));
  }

  public ControllerMetrics metrics() {
    return metrics;
  }

  public FerryOperator start() {
    operator.start();
    census = MigrationCensus.start(client, namespace, metrics);
    lease = ControllerLease.hold(client, namespace, clock);
    return this;
  }

  @Override
  public void close() {
    if (lease != null) {
      lease.close();
    }
    if (census != null) {
      census.close();
    }
    operator.stop();
    volumeMover.close();
    veleroRuns.close();
    clusters.close();
  }
}
