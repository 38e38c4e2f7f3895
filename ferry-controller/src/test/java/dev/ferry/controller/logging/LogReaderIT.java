package dev.ferry.controller.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.settings.MigrationController;
import dev.ferry.api.migration.settings.MigrationControllerSpec;
import dev.ferry.controller.FerryOperator;
import dev.ferry.testbed.TestNamespace;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.Await;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code migration_log_reader: true} on a MigrationController starts the migration-log-reader
 * Deployment (containers color and plain following the merged logs); false removes it. The
 * operator watches the test's own namespace, so no other test sees this MigrationController.
 */
@ExtendWith(TestbedExtension.class)
class LogReaderIT {

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void migrationLogReaderFollowsTheMigrationController(TestNamespace ns) throws Exception {
    KubernetesClient client = ns.cluster().client();
    try (FerryOperator operator = new FerryOperator(client, ns.name(), Clock.systemUTC()).start()) {
      MigrationController settings = new MigrationController();
      settings.getMetadata().setName("migration-controller");
      settings.getMetadata().setNamespace(ns.name());
      settings.setSpec(new MigrationControllerSpec());
      settings.getSpec().setMigrationLogReader(true);
      client.resource(settings).create();

      var deployment = client.apps().deployments().inNamespace(ns.name()).withName(LogReaderDeployment.NAME);
      Await.until("the migration-log-reader Deployment", Duration.ofSeconds(60), () -> deployment.get() != null);
      Deployment reader = deployment.get();
      assertThat(reader.getSpec().getTemplate().getSpec().getContainers()).extracting(Container::getName)
          .containsExactly("color", "plain");
      assertThat(reader.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
          .containsSubsequence("logs", "--follow", "--color").contains(ns.name());
      assertThat(reader.getSpec().getTemplate().getSpec().getContainers().get(1).getArgs()).contains("--plain");

      client.resources(MigrationController.class).inNamespace(ns.name()).withName("migration-controller").edit(c -> {
        c.getSpec().setMigrationLogReader(false);
        return c;
      });
      Await.until("the migration-log-reader Deployment to go", Duration.ofSeconds(60),
          () -> deployment.get() == null);
    }
  }
}
