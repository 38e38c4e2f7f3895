package dev.ferry.controller;

import dev.ferry.controller.velero.BackupReconciler;
import dev.ferry.controller.velero.BackupStorageLocationReconciler;
import dev.ferry.controller.velero.BackupStorageLocations;
import dev.ferry.controller.velero.RestoreReconciler;
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
  private final Operator operator;

  public FerryOperator(KubernetesClient client, String namespace, Clock clock) {
    BackupStorageLocations storage = new BackupStorageLocations(client);
    operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false)
        .withStopOnInformerErrorDuringStartup(true));
    operator.register(new BackupStorageLocationReconciler(storage, clock), c -> c.settingNamespaces(Set.of(namespace)));
    operator.register(new BackupReconciler(storage, clock), c -> c.settingNamespaces(Set.of(namespace)));
    operator.register(new RestoreReconciler(storage, clock), c -> c.settingNamespaces(Set.of(namespace)));
  }

  public FerryOperator start() {
    operator.start();
    return this;
  }

  @Override
  public void close() {
    operator.stop();
  }
}
