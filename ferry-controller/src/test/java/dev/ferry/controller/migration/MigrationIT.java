package dev.ferry.controller.migration;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.migration.Step;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.controller.InProcessController;
import dev.ferry.controller.logging.LogContext;
import dev.ferry.controller.velero.BackupRun;
import dev.ferry.controller.velero.RestoreRun;
import dev.ferry.controller.volumes.LibraryVolumeMover;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.MigrationRuns;
import dev.ferry.testsupport.PlanFixture;
import dev.ferry.testsupport.SampleApps;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A cutover of an application from the source cluster to a remote destination, with the source
 * quiesced, then a rollback that removes everything from the destination and restarts the source.
 */
@ExtendWith(TestbedExtension.class)
class MigrationIT {
  @Test
  void cutoverThenRollback(Testbed testbed, @TempDir Path repository) {
    LocalCluster source = testbed.source();
    LocalCluster destination = testbed.destination();
    KubernetesClient host = source.client();
    dev.ferry.controller.FerryCrds.install(host);
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "shop-" + s;
    PlanFixture.apply(host, SampleApps.of(SampleApps.namespace(app), SampleApps.settings(app),
        SampleApps.dataClaim(app), SampleApps.web(app, 2, "registry.example/web:1", true),
        SampleApps.webService(app)));
    host.apps().deployments().inNamespace(app).withName("web").waitUntilCondition(d -> d.getStatus() != null
        && Integer.valueOf(2).equals(d.getStatus().getReadyReplicas()), 90, TimeUnit.SECONDS);

    String volume = host.persistentVolumeClaims().inNamespace(app).withName("data").waitUntilCondition(c ->
        c.getStatus() != null && "Bound".equals(c.getStatus().getPhase()), 60, TimeUnit.SECONDS).getSpec().getVolumeName();
    PlanFixture.declare(host, destination, s, repository, app, """
          persistentVolumes:
          - name: %s
            pvc: {name: data, namespace: %s}
            selection: {action: copy, copyMethod: filesystem, storageClass: standard}
        """.formatted(volume, app));
    // The plan's own reconciler is tested elsewhere; here the plan is simply declared Ready.
    MigPlan plan = PlanFixture.markReady(host, s);

    try (InProcessController controller = InProcessController.on(host).migrations()
        .volumes(new LibraryVolumeMover()).start()) {
      // The Backup and Restore runs log on the executor's threads, under the migration's context.
      ListAppender<ILoggingEvent> runLines = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
          event.prepareForDeferredProcessing(); // the MDC of the thread that logged, taken now
          super.append(event);
        }
      };
      runLines.start();
      List<Logger> runLoggers = List.of((Logger) LoggerFactory.getLogger(BackupRun.class),
          (Logger) LoggerFactory.getLogger(RestoreRun.class));
      runLoggers.forEach(l -> l.addAppender(runLines));
      MigMigration cutover = controller.run(MigrationRuns.manifest("cutover-" + s, s, """
          stage: false
          quiescePods: true
          verify: true"""));
      assertThat(cutover.getStatus().getPhase()).as("%s", cutover.getStatus().getErrors()).isEqualTo("Completed");
      assertThat(cutover.getStatus().getItinerary()).isEqualTo("Final");
      assertThat(cutover.getStatus().getPipeline()).allSatisfy(step -> {
        assertThat(step.getStarted()).isNotNull();
        assertThat(step.getCompleted()).isNotNull();
        assertThat(step.getFailed()).isNotEqualTo(Boolean.TRUE);
      });
      runLoggers.forEach(l -> l.detachAppender(runLines));
      // What moved in the Backup and Restore steps: every object of the backup, counted.
      Step backupStep = step(cutover, "Backup");
      assertThat(backupStep.getItemsDone()).isPositive().isEqualTo(backupStep.getItemsTotal());
      assertThat(backupStep.getProgress()).singleElement().asString()
          .endsWith(backupStep.getItemsDone() + " of " + backupStep.getItemsDone() + " objects backed up");
      Step restoreStep = step(cutover, "Restore");
      assertThat(restoreStep.getItemsDone()).isPositive().isEqualTo(restoreStep.getItemsTotal());
      assertThat(restoreStep.getProgress()).singleElement().asString().contains("objects restored");
      List<ILoggingEvent> ours = runLines.list.stream()
          .filter(e -> ("cutover-" + s).equals(e.getMDCPropertyMap().get(LogContext.MIGRATION))).toList();
      assertThat(ours).extracting(e -> e.getMDCPropertyMap().get(LogContext.COMPONENT))
          .contains("backup", "restore");
      assertThat(ours).allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry(LogContext.PLAN, "plan-" + s)
          .containsEntry(LogContext.MIGRATION_UID, cutover.getMetadata().getUid()));
      // The claim's (empty) volume was copied by a DirectVolumeMigration before the restore, which left it alone.
      assertThat(cutover.getStatus().getConditions()).extracting(Condition::getType)
          .contains("Succeeded").doesNotContain("SucceededWithWarnings");

      KubernetesClient dest = destination.client();
      Deployment restored = dest.apps().deployments().inNamespace(app).withName("web").get();
      assertThat(restored.getSpec().getReplicas()).isEqualTo(2);
      assertThat(restored.getMetadata().getLabels()).containsEntry(MigrationContext.MIGRATED_BY_PLAN,
          plan.getMetadata().getUid());
      assertThat(dest.configMaps().inNamespace(app).withName("settings").get().getData()).containsEntry("currency", "EUR");
      assertThat(dest.persistentVolumeClaims().inNamespace(app).withName("data").waitUntilCondition(c ->
          c != null && c.getStatus() != null && "Bound".equals(c.getStatus().getPhase()), 60, TimeUnit.SECONDS))
          .isNotNull();
      Deployment quiesced = host.apps().deployments().inNamespace(app).withName("web").get();
      assertThat(quiesced.getSpec().getReplicas()).isZero();
      assertThat(quiesced.getMetadata().getAnnotations()).containsEntry(QuiesceRules.REPLICAS, "2");

      MigMigration rollback = controller.run(MigrationRuns.manifest("rollback-" + s, s, "rollback: true"));
      assertThat(rollback.getStatus().getPhase()).as("%s", rollback.getStatus().getErrors()).isEqualTo("Completed");
      assertThat(dest.namespaces().withName(app).get()).isNull();
      Deployment restarted = host.apps().deployments().inNamespace(app).withName("web").get();
      assertThat(restarted.getSpec().getReplicas()).isEqualTo(2);
      assertThat(restarted.getMetadata().getAnnotations()).doesNotContainKey(QuiesceRules.REPLICAS);
    }
  }

  private static Step step(MigMigration migration, String name) {
    return migration.getStatus().getPipeline().stream().filter(st -> name.equals(st.getName())).findFirst()
        .orElseThrow();
  }
}
