package dev.ferry.controller;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.controller.analytics.MigAnalyticReconciler;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.controller.images.DirectImageMigrationReconciler;
import dev.ferry.controller.images.DirectImageStreamMigrationReconciler;
import dev.ferry.controller.migration.MigrationReconciler;
import dev.ferry.controller.storage.MigStorageLocations;
import dev.ferry.controller.storage.MigStorageReconciler;
import dev.ferry.controller.storage.VeleroLocationSync;
import dev.ferry.controller.velero.BackupStorageLocationReconciler;
import dev.ferry.controller.velero.BackupStorageLocations;
import dev.ferry.controller.volumes.DirectVolumeMigrationReconciler;
import dev.ferry.controller.volumes.InProcessVolumeLauncher;
import dev.ferry.controller.volumes.VolumeMover;
import dev.ferry.testsupport.MigrationRuns;
import dev.ferry.testsupport.PlanFixture;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The reconcilers a test names — and only those — running in the test's JVM on the host cluster,
 * watching the controller's namespace, as {@link FerryOperator} registers them: repositories are
 * opened from MigStorages the way the controller opens them. Name what the test exercises, start,
 * and close it (try-with-resources) to stop the operator, the volume launcher and the clients.
 */
public final class InProcessController implements AutoCloseable {
  private static final Clock CLOCK = Clock.systemUTC();

  private final KubernetesClient host;
  private final Operator operator;
  /** The launchers {@link #volumes} started, closed with the rest. */
  private final List<InProcessVolumeLauncher> launchers = new ArrayList<>();
  private final ClusterClients clusters;
  private final MigStorageLocations repositories;

  private InProcessController(KubernetesClient host) {
    this.host = host;
    this.operator = new Operator(o -> o.withKubernetesClient(host).withCloseClientOnStop(false));
    this.clusters = new ClusterClients(host);
    this.repositories = new MigStorageLocations(host);
  }

  /** Nothing registered yet; {@code host} is the host (source) cluster's client. */
  public static InProcessController on(KubernetesClient host) {
    return new InProcessController(host);
  }

  /** MigMigration. */
  public InProcessController migrations() {
    return register(new MigrationReconciler(clusters, repositories::open, CLOCK));
  }

  /** DirectVolumeMigration, copying in-process with {@code mover} (two transfers at a time). */
  public InProcessController volumes(VolumeMover mover) {
    InProcessVolumeLauncher launcher = new InProcessVolumeLauncher(mover, 2);
    launchers.add(launcher);
    return register(new DirectVolumeMigrationReconciler(clusters, repositories::open, mover, launcher, CLOCK));
  }

  /** DirectImageMigration and DirectImageStreamMigration. */
  public InProcessController images() {
    register(new DirectImageMigrationReconciler(clusters, CLOCK));
    return register(new DirectImageStreamMigrationReconciler(clusters, CLOCK));
  }

  /** MigStorage (probe, Velero locations on both clusters) and BackupStorageLocation. */
  public InProcessController storages() {
    register(new MigStorageReconciler(repositories, new VeleroLocationSync(clusters), CLOCK));
    return register(new BackupStorageLocationReconciler(new BackupStorageLocations(host), CLOCK));
  }

  /** MigAnalytic. */
  public InProcessController analytics() {
    return register(new MigAnalyticReconciler(clusters, CLOCK));
  }

  public InProcessController start() {
    operator.start();
    return this;
  }

  /** Creates the MigMigration of {@code manifest} and waits until it has ended. */
  public MigMigration run(String manifest) {
    return MigrationRuns.run(host, manifest);
  }

  /** The repositories, opened as the reconcilers open them. */
  public MigStorageLocations repositories() {
    return repositories;
  }

  @Override
  public void close() {
    operator.stop();
    launchers.forEach(InProcessVolumeLauncher::close);
    clusters.close();
  }

  private <R extends HasMetadata> InProcessController register(Reconciler<R> reconciler) {
    operator.register(reconciler, c -> c.settingNamespaces(Set.of(PlanFixture.NS)));
    return this;
  }
}
