package dev.ferry.testsupport;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Claims on the testbed, whose provisioner binds each to a hostPath volume: the wait for the
 * binding, and the directory behind a bound claim, where a test writes or checks the data.
 */
public final class BoundClaims {
  private BoundClaims() {
  }

  /** Waits until claim {@code name} in {@code namespace} is Bound; returns it. */
  public static PersistentVolumeClaim await(KubernetesClient client, String namespace, String name,
                                            int timeoutSeconds) {
    return client.persistentVolumeClaims().inNamespace(namespace).withName(name).waitUntilCondition(c -> c != null
        && c.getStatus() != null && "Bound".equals(c.getStatus().getPhase()), timeoutSeconds, TimeUnit.SECONDS);
  }

  /** The hostPath directory of the volume bound to {@code claim}. */
  public static Path directory(KubernetesClient client, PersistentVolumeClaim claim) {
    return Path.of(client.persistentVolumes().withName(claim.getSpec().getVolumeName()).get().getSpec()
        .getHostPath().getPath());
  }

  /** The hostPath directory of the volume bound to claim {@code name} in {@code namespace}. */
  public static Path directory(KubernetesClient client, String namespace, String name) {
    return directory(client, client.persistentVolumeClaims().inNamespace(namespace).withName(name).get());
  }
}
