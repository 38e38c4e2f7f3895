package dev.ferry.controller.logging;

import dev.ferry.api.migration.settings.MigrationController;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link LogReaderDeployment} while a MigrationController of the namespace says
 * {@code migration_log_reader: true}, and removes it when none does. The image is the
 * controller's own ({@code FERRY_IMAGE}), the service account the controller's.
 */
@ControllerConfiguration(name = "migration-log-reader")
public class LogReaderReconciler implements Reconciler<MigrationController> {
  private static final Logger LOG = LoggerFactory.getLogger(LogReaderReconciler.class);
  static final String SERVICE_ACCOUNT = "migration-controller";

  @Override
  public UpdateControl<MigrationController> reconcile(MigrationController settings,
                                                      Context<MigrationController> context) {
    try (var log = LogContext.component("log-reader")) {
      KubernetesClient client = context.getClient();
      String namespace = settings.getMetadata().getNamespace();
      boolean wanted = client.resources(MigrationController.class).inNamespace(namespace).list().getItems().stream()
          .anyMatch(c -> c.getSpec() != null && Boolean.TRUE.equals(c.getSpec().getMigrationLogReader()));
      var deployments = client.apps().deployments().inNamespace(namespace).withName(LogReaderDeployment.NAME);
      Deployment existing = deployments.get();
      if (wanted) {
        String image = System.getenv().getOrDefault("FERRY_IMAGE", LogReaderDeployment.DEFAULT_IMAGE);
        Deployment desired = LogReaderDeployment.of(namespace, image, SERVICE_ACCOUNT);
        if (existing == null) {
          LOG.info("starting the log reader {}/{} (migration_log_reader: true)", namespace, LogReaderDeployment.NAME);
        }
        client.resource(desired).forceConflicts().serverSideApply();
      } else if (existing != null && LogReaderDeployment.NAME.equals(existing.getMetadata().getLabels().get("app"))) {
        LOG.info("removing the log reader {}/{} (migration_log_reader is not true)", namespace,
            LogReaderDeployment.NAME);
        deployments.delete();
      }
      return UpdateControl.noUpdate();
    }
  }
}
