package dev.ferry.controller.volumes;

import dev.ferry.api.migration.MigrationController;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Comparator;

/**
 * How transfer pods run: Ferry's image (env {@code FERRY_IMAGE}, else the released one) and
 * whether they are super-privileged, from the MigrationController's
 * {@code migration_rsync_super_privileged} (first CR by name, as for the other settings).
 */
public record MoverPodSettings(String image, boolean superPrivileged) {
  public static final String DEFAULT_IMAGE = "ferry:0.1.0";

  public static MoverPodSettings read(KubernetesClient host, String namespace) {
    String image = System.getenv().getOrDefault("FERRY_IMAGE", DEFAULT_IMAGE);
    boolean superPrivileged = false;
    try {
      superPrivileged = host.resources(MigrationController.class).inNamespace(namespace).list().getItems().stream()
          .min(Comparator.comparing(c -> c.getMetadata().getName()))
          .map(c -> c.getSpec() != null && Boolean.TRUE.equals(c.getSpec().getMigrationRsyncSuperPrivileged()))
          .orElse(false);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
    return new MoverPodSettings(image, superPrivileged);
  }
}
