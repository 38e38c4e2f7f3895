package dev.ferry.controller.settings;

import dev.ferry.api.migration.settings.MigrationController;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Comparator;
import java.util.List;

/**
 * Reads {@link ControllerSettings} from the MigrationController CR in the controller's namespace.
 * MTC installs one (migration-controller); if there are several, the first by name wins so the
 * choice is stable. No CR, or no CRD, means defaults.
 */
public final class ControllerSettingsReader {
  private final KubernetesClient client;
  private final String namespace;

  public ControllerSettingsReader(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  public ControllerSettings read() {
    return ControllerSettings.from(controller());
  }

  /** The restore limits ({@code spec.restore_limits}). */
  public dev.ferry.backup.format.BackupLimits restoreLimits() {
    return RestoreLimitSettings.from(controller());
  }

  /** The MigrationController in effect, or null. */
  public MigrationController controller() {
    List<MigrationController> controllers;
    try {
      controllers = client.resources(MigrationController.class).inNamespace(namespace).list().getItems();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return null;
      }
      throw e;
    }
    return controllers.stream().min(Comparator.comparing(c -> c.getMetadata().getName())).orElse(null);
  }
}
