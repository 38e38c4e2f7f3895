package dev.ferry.controller.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.controller.ControllerProcess;
import dev.ferry.controller.FerryCrds;
import dev.ferry.controller.FerryOperator;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.PlanFixture;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller is killed (SIGKILL) every time a cutover enters a new phase, and restarted: the
 * migration still completes, with the same result as an uninterrupted one and nothing duplicated.
 */
@ExtendWith(TestbedExtension.class)
class ControllerRestartIT {
  private static final String NS = FerryOperator.DEFAULT_NAMESPACE;

  @Test
  void cutoverSurvivesAKillInEveryPhase(Testbed testbed, @TempDir Path repository) throws Exception {
    LocalCluster source = testbed.source();
    LocalCluster destination = testbed.destination();
    KubernetesClient host = source.client();
    FerryCrds.install(host);
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "resilient-" + s;
    StringBuilder objects = new StringBuilder("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: %1$s}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: %1$s}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: registry.example/web:1}]}
        """);
    for (int i = 0; i < 40; i++) {
      objects.append("""
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: config-%2$d, namespace: %1$s}
          data: {index: "%2$d"}
          """.formatted("%1$s", i));
    }
    apply(host, objects.toString().formatted(app));
    PlanFixture.declare(host, destination, s, repository, app, "");

    Process controller = ControllerProcess.start(source, NS, repository.resolve("controller-0.log"));
    try {
      host.resources(MigPlan.class).inNamespace(NS).withName("plan-" + s).waitUntilCondition(p -> p.getStatus() != null
          && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
          .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())), 120, TimeUnit.SECONDS);
      apply(host, """
          apiVersion: migration.openshift.io/v1alpha1
          kind: MigMigration
          metadata: {name: cutover-%1$s, namespace: %2$s}
          spec:
            quiescePods: true
            migPlanRef: {name: plan-%1$s, namespace: %2$s}
          """.formatted(s, NS));

      Set<String> killedIn = new LinkedHashSet<>();
      int restarts = 0;
      Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
      MigMigration migration;
      while (true) {
        migration = host.resources(MigMigration.class).inNamespace(NS).withName("cutover-" + s).get();
        String phase = migration.getStatus() == null ? null : migration.getStatus().getPhase();
        if (phase != null && Set.of("Completed", "Failed", "Canceled").contains(phase)) {
          break;
        }
        if (phase != null && killedIn.add(phase)) {
          controller.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9, mid-phase
          restarts++;
          controller = ControllerProcess.start(source, NS, repository.resolve("controller-" + restarts + ".log"));
        }
        assertThat(Instant.now()).as("migration still in %s after 6 minutes", phase).isBefore(deadline);
        Thread.sleep(100);
      }
      assertThat(migration.getStatus().getPhase()).as("%s", migration.getStatus().getErrors()).isEqualTo("Completed");
      System.out.println("controller killed (SIGKILL) and restarted in phases: " + killedIn);
      assertThat(killedIn).as("phases the controller was killed in").contains("InitialBackupCreated",
          "StageBackupCreated", "StageRestoreCreated", "FinalRestoreCreated");

      KubernetesClient dest = destination.client();
      List<String> sourceConfigs = names(host.configMaps().inNamespace(app).list().getItems());
      List<String> destConfigs = names(dest.configMaps().inNamespace(app).list().getItems());
      assertThat(destConfigs).containsExactlyInAnyOrderElementsOf(sourceConfigs);
      assertThat(dest.apps().deployments().inNamespace(app).withName("web").get().getSpec().getReplicas()).isEqualTo(3);
      assertThat(host.apps().deployments().inNamespace(app).withName("web").get().getMetadata().getAnnotations())
          .containsEntry(QuiesceRules.REPLICAS, "3");
      // Exactly MTC's two backups (initial, stage) and two restores (stage, final), in the
      // repository and as CRs, however often their phases were re-run.
      try (Stream<Path> files = Files.walk(repository.resolve("backups"))) {
        assertThat(files.filter(p -> p.getFileName().toString().equals("velero-backup.json")).count()).isEqualTo(2);
      }
      String uid = migration.getMetadata().getUid();
      assertThat(host.resources(dev.ferry.api.velero.backup.Backup.class).inNamespace(NS).withLabel("migmigration", uid)
          .list().getItems()).hasSize(2);
      assertThat(dest.resources(dev.ferry.api.velero.restore.Restore.class).inNamespace(NS).withLabel("migmigration", uid)
          .list().getItems()).hasSize(2);
    } finally {
      controller.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static List<String> names(List<? extends HasMetadata> items) {
    List<String> names = new ArrayList<>();
    items.stream().map(i -> i.getMetadata().getName()).filter(n -> !n.equals("kube-root-ca.crt")).forEach(names::add);
    return names;
  }

  private static void apply(KubernetesClient client, String manifests) {
    PlanFixture.apply(client, manifests);
  }

}
