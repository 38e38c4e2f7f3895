package dev.ferry.controller.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.controller.FerryCrds;
import dev.ferry.controller.InProcessController;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.MigrationRuns;
import dev.ferry.testsupport.PlanFixture;
import dev.ferry.testsupport.SampleApps;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cutover canceled while it waits (here: at a PreRestore hook that cannot start, after the source
 * was quiesced) ends Canceled, runs nothing further, deletes the hook Job it started and leaves the
 * source application running.
 */
@ExtendWith(TestbedExtension.class)
class CancelIT {
  private static final String NS = PlanFixture.NS;

  @Test
  void aCanceledCutoverStopsAndStartsTheSourceAgain(Testbed testbed, @TempDir Path repository) {
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "cancel-" + s;
    String hooks = "cancelhooks-" + s;
    KubernetesClient host = testbed.source().client();
    KubernetesClient dest = testbed.destination().client();
    FerryCrds.install(host);
    PlanFixture.apply(host, SampleApps.of(SampleApps.namespace(app),
        SampleApps.web(app, 2, "registry.example/web:1", false)));
    // The hook's Job can never start a pod: the migration stays in PreRestoreHooks until canceled.
    PlanFixture.apply(dest, """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %1$s}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: hook-runner, namespace: %1$s}
        ---
        apiVersion: v1
        kind: ResourceQuota
        metadata: {name: no-pods, namespace: %1$s}
        spec: {hard: {pods: "0"}}
        """.formatted(hooks));
    PlanFixture.apply(host, """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigHook
        metadata: {name: wait-%1$s, namespace: %2$s}
        spec: {custom: true, image: "registry.example/hook:1", targetCluster: destination, activeDeadlineSeconds: 600}
        """.formatted(s, NS));
    PlanFixture.declare(host, testbed.destination(), s, repository, app, """
          hooks:
          - {executionNamespace: %1$s, phase: PreRestore, serviceAccount: hook-runner,
             reference: {name: wait-%2$s, namespace: %3$s}}
        """.formatted(hooks, s, NS));
    PlanFixture.markReady(host, s);

    try (InProcessController controller = InProcessController.on(host).migrations().start()) {
      MigrationRuns.start(host, MigrationRuns.cutover(s, true));
      var migrations = host.resources(MigMigration.class).inNamespace(NS).withName("cutover-" + s);
      migrations.waitUntilCondition(m -> m.getStatus() != null && "PreRestoreHooks".equals(m.getStatus().getPhase()),
          120, TimeUnit.SECONDS);
      assertThat(host.apps().deployments().inNamespace(app).withName("web").get().getSpec().getReplicas())
          .as("quiesced before the hook").isZero();

      migrations.edit(m -> {
        m.getSpec().setCanceled(true);
        return m;
      });
      MigMigration canceled = migrations.waitUntilCondition(
          m -> m.getStatus() != null && "Canceled".equals(m.getStatus().getPhase()), 60, TimeUnit.SECONDS);

      assertThat(canceled.getStatus().getConditions()).filteredOn(c -> "Canceled".equals(c.getType()))
          .singleElement().satisfies(c -> assertThat(c.getMessage()).contains("source application runs again"));
      assertThat(canceled.getStatus().getConditions()).noneMatch(c -> "Running".equals(c.getType()));
      var web = host.apps().deployments().inNamespace(app).withName("web").get();
      assertThat(web.getSpec().getReplicas()).isEqualTo(2);
      assertThat(web.getMetadata().getAnnotations()).doesNotContainKey(QuiesceRules.REPLICAS);
      // The hook's Job is gone (deleted in the background), so it cannot start later.
      dest.batch().v1().jobs().inNamespace(hooks).withLabel(HookJobs.MIGRATION_LABEL, canceled.getMetadata().getUid())
          .informOnCondition(jobs -> jobs.isEmpty()).join();
      // Nothing after the hook ran: the application was never restored on the destination.
      assertThat(dest.apps().deployments().inNamespace(app).withName("web").get()).isNull();
      assertThat(canceled.getStatus().getPipeline()).filteredOn(st -> "Restore".equals(st.getName()))
          .allSatisfy(st -> assertThat(st.getStarted()).isNull());
    }
  }
}
